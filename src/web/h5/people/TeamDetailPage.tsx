import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import { useJoin, useJoinRequests, useOrganisation, useRemoveMember } from '../../people/data.js';
import { LimitedTextArea } from '../../shared/LimitedTextArea.js';
import '../../projects/strings.js';
import { H5Error, H5Loading, SubPage } from './states.js';

/** A team's page: who they are, how to join (申请加入), and for its leaders the way to the requests. */
export function TeamDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const org = useOrganisation(id);
  const manage = org.data?.can.manage ?? false;
  const requests = useJoinRequests(id, manage);
  const join = useJoin();
  const leave = useRemoveMember();
  const [applying, setApplying] = useState(false);
  const [message, setMessage] = useState('');

  const submitJoin = (text?: string) =>
    join.mutate(
      { params: { path: { id } }, body: { message: text } },
      {
        onSuccess: (res) => {
          setApplying(false);
          setMessage('');
          Toast.show({
            icon: 'success',
            content: res.outcome === 'joined' ? t('people.teams.joined') : t('people.teams.requested'),
          });
        },
        onError: (error) =>
          Toast.show({
            icon: 'fail',
            content:
              error instanceof ApiError && error.code === 'NOT_A_VOLUNTEER'
                ? t('people.teams.notVolunteer')
                : errorText(error),
          }),
      },
    );

  const confirmLeave = async () => {
    const name = org.data?.name ?? '';
    if (!me.data || !(await Dialog.confirm({ content: t('people.teams.leaveConfirm', { name }) }))) return;
    leave.mutate(
      { params: { path: { id, userId: me.data.id } } },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('people.teams.left') }),
        onError: (error) => Toast.show({ icon: 'fail', content: errorText(error) }),
      },
    );
  };

  const o = org.data;
  return (
    <SubPage title={o?.name ?? t('people.teams.title')} back="/h5/teams">
      {org.isPending && <H5Loading />}
      {org.isError && <H5Error error={org.error} onRetry={() => org.refetch()} />}
      {o && (
        <>
          <section className="lf-h5-team-head">
            <h1>{o.name}</h1>
            <div>
              <Tag color="primary">{t(`people.orgKinds.${o.kind}`)}</Tag>{' '}
              <Tag fill="outline">{t(`people.joinModes.${o.joinMode}`)}</Tag>{' '}
              {o.my.role && (
                <Tag color="success">{t('people.teams.myRole', { role: t(`people.memberRoles.${o.my.role}`) })}</Tag>
              )}
            </div>
          </section>
          <List mode="card">
            <List.Item extra={o.region.name}>{t('people.teams.region')}</List.Item>
            {o.parent && (
              <List.Item extra={o.parent.name} onClick={() => navigate(`/h5/teams/${o.parent?.id}`)}>
                {t('people.teams.parent')}
              </List.Item>
            )}
            <List.Item extra={t('people.teams.members', { count: o.memberCount })}>
              {t('people.teams.memberList')}
            </List.Item>
            {o.contactPhone && (
              <List.Item
                extra={manage ? <a href={`tel:${o.contactPhone}`}>{o.contactPhone}</a> : <span>{o.contactPhone}</span>}
              >
                {t('people.teams.contact')}
              </List.Item>
            )}
          </List>
          <List header={t('people.teams.description')} mode="card">
            <List.Item>
              <p className="lf-h5-text">{o.description || t('people.teams.noDescription')}</p>
            </List.Item>
          </List>
          {manage && (
            <List header={t('people.teams.manage')} mode="card">
              <List.Item onClick={() => navigate(`/h5/teams/${o.id}/requests`)}>
                {t('people.teams.requestsCount', { count: requests.data?.items.length ?? 0 })}
              </List.Item>
              <List.Item onClick={() => navigate(`/h5/projects?org=${o.id}`)}>{t('projects.apply.entry')}</List.Item>
            </List>
          )}
          <div className="lf-h5-block">
            {o.can.join && (
              <Button
                block
                color="primary"
                size="large"
                loading={join.isPending}
                onClick={() => (o.joinMode === 'open' ? submitJoin() : setApplying(true))}
              >
                {o.joinMode === 'open' ? t('people.teams.joinNow') : t('people.teams.apply')}
              </Button>
            )}
            {o.my.pending?.kind === 'request' && (
              <Button block size="large" disabled>
                {t('people.teams.pending')}
              </Button>
            )}
            {!o.my.role && !o.my.pending && o.joinMode === 'invitation' && (
              <p className="lf-h5-note">{t('people.teams.invitationOnly')}</p>
            )}
            {o.my.role && (
              <Button block size="large" color="danger" fill="outline" loading={leave.isPending} onClick={confirmLeave}>
                {t('people.teams.leave')}
              </Button>
            )}
          </div>
          <Dialog
            visible={applying}
            title={t('people.teams.applyTitle', { name: o.name })}
            content={
              <>
                <label htmlFor="lf-apply-message" className="lf-h5-label">
                  {t('people.teams.applyMessage')}
                </label>
                <LimitedTextArea
                  id="lf-apply-message"
                  value={message}
                  onChange={setMessage}
                  limit={textLimits.joinMessage}
                  rows={3}
                />
              </>
            }
            closeOnAction={false}
            onClose={() => setApplying(false)}
            actions={[
              [
                { key: 'cancel', text: t('people.console.cancel'), onClick: () => setApplying(false) },
                {
                  key: 'submit',
                  text: t('people.teams.applySubmit'),
                  bold: true,
                  disabled: join.isPending,
                  onClick: () => submitJoin(message.trim() || undefined),
                },
              ],
            ]}
          />
        </>
      )}
    </SubPage>
  );
}
