import { Button, Empty, List, Space, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { useAcceptInvitation, useDeclineInvitation, useMyInvitations } from '../../people/data.js';
import { H5Error, H5Loading, SubPage } from './states.js';

/** 入队邀请 waiting for the user's answer. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const invitations = useMyInvitations();
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const answering = accept.isPending || decline.isPending;
  const respond = (invitationId: string, yes: boolean) =>
    (yes ? accept : decline).mutate(
      { params: { path: { invitationId } } },
      {
        onSuccess: () =>
          Toast.show({
            icon: 'success',
            content: yes ? t('people.invitations.accepted') : t('people.invitations.declined'),
          }),
        onError: (error) => Toast.show({ icon: 'fail', content: errorText(error) }),
      },
    );
  return (
    <SubPage title={t('people.invitations.title')} back="/h5/mine">
      {invitations.isPending && <H5Loading />}
      {invitations.isError && <H5Error error={invitations.error} onRetry={() => invitations.refetch()} />}
      {invitations.data?.items.length === 0 && <Empty description={t('people.invitations.empty')} />}
      {invitations.data && invitations.data.items.length > 0 && (
        <List mode="card">
          {invitations.data.items.map((i) => (
            <List.Item
              key={i.id}
              description={
                <>
                  <div>
                    {t('people.invitations.from', {
                      name: i.invitedBy,
                      role: t(`people.memberRoles.${i.role}`),
                    })}
                  </div>
                  {i.message && <div>{i.message}</div>}
                </>
              }
              extra={
                <Space>
                  <Button size="small" color="primary" loading={answering} onClick={() => respond(i.id, true)}>
                    {t('people.invitations.accept')}
                  </Button>
                  <Button size="small" fill="outline" onClick={() => respond(i.id, false)}>
                    {t('people.invitations.decline')}
                  </Button>
                </Space>
              }
            >
              {i.organisation.name}
            </List.Item>
          ))}
        </List>
      )}
    </SubPage>
  );
}
