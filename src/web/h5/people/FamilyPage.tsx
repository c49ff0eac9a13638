import { Button, Dialog, Empty, Form, Input, List, Selector, Space, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import {
  type FamilyRelation,
  familyRelations,
  useAcceptFamilyInvitation,
  useAddFamilyMember,
  useDeclineFamilyInvitation,
  useMyFamily,
  useRemoveFamilyMember,
} from '../../people/data.js';
import { phonePattern } from '../../shared/phone.js';
import { H5Error, H5Loading, SubPage } from './states.js';

interface AddForm {
  phone: string;
  relation: Exclude<FamilyRelation, 'self'>[];
}

/** 我的家庭: the family, its members, invitations waiting for an answer; the head invites and removes. */
export function FamilyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mine = useMyFamily();
  const family = mine.data?.family ?? null;
  const addMember = useAddFamilyMember();
  const removeMember = useRemoveFamilyMember();
  const acceptInvitation = useAcceptFamilyInvitation();
  const declineInvitation = useDeclineFamilyInvitation();
  const [form] = Form.useForm<AddForm>();
  const fail = (error: unknown) => Toast.show({ icon: 'fail', content: errorText(error) });
  const ok = () => Toast.show({ icon: 'success', content: t('people.family.done') });

  const remove = async (userId: string, name: string, self: boolean) => {
    const content = self
      ? t('people.family.leaveConfirm', { name: family?.name ?? '' })
      : t('people.family.removeConfirm', { name });
    if (!(await Dialog.confirm({ content }))) return;
    if (family) removeMember.mutate({ params: { path: { id: family.id, userId } } }, { onSuccess: ok, onError: fail });
  };

  return (
    <SubPage title={t('people.family.title')} back="/h5/mine">
      {mine.isPending && <H5Loading />}
      {mine.isError && <H5Error error={mine.error} onRetry={() => mine.refetch()} />}
      {mine.data && mine.data.invitations.length > 0 && (
        <List header={t('people.family.invitations')} mode="card">
          {mine.data.invitations.map((i) => (
            <List.Item
              key={i.familyId}
              description={t('people.family.invitationFrom', {
                head: i.headName,
                name: i.name,
                relation: t(`people.relations.${i.relation}`),
              })}
              extra={
                <Space>
                  <Button
                    size="small"
                    color="primary"
                    loading={acceptInvitation.isPending}
                    onClick={() =>
                      acceptInvitation.mutate(
                        { params: { path: { id: i.familyId } } },
                        { onSuccess: ok, onError: fail },
                      )
                    }
                  >
                    {t('people.family.accept')}
                  </Button>
                  <Button
                    size="small"
                    fill="outline"
                    onClick={() =>
                      declineInvitation.mutate(
                        { params: { path: { id: i.familyId } } },
                        { onSuccess: ok, onError: fail },
                      )
                    }
                  >
                    {t('people.family.decline')}
                  </Button>
                </Space>
              }
            >
              {i.name}
            </List.Item>
          ))}
        </List>
      )}
      {mine.data && !family && (
        <>
          <Empty description={t('people.family.none')} />
          <p className="lf-h5-note">{t('people.family.noneHint')}</p>
        </>
      )}
      {family && (
        <>
          <section className="lf-h5-team-head">
            <h1>{family.name}</h1>
            <div className="lf-h5-muted">
              {t('people.family.community')}：{family.region.name} · {t('people.family.head')}：
              {family.head.displayName}
            </div>
          </section>
          <List header={t('people.family.members')} mode="card">
            {family.members.map((m) => {
              const self = m.userId === me.data?.id;
              const canRemove = m.relation !== 'self' && (family.can.manage || (self && family.can.leave));
              return (
                <List.Item
                  key={m.userId}
                  description={m.phone}
                  extra={
                    canRemove ? (
                      <Button
                        size="mini"
                        color="danger"
                        fill="outline"
                        onClick={() => remove(m.userId, m.displayName, self)}
                      >
                        {self ? t('people.family.leave') : t('people.family.remove')}
                      </Button>
                    ) : null
                  }
                >
                  {m.displayName} <Tag fill="outline">{t(`people.relations.${m.relation}`)}</Tag>{' '}
                  {m.status === 'invited' && <Tag color="warning">{t('people.family.invited')}</Tag>}
                </List.Item>
              );
            })}
          </List>
          {family.can.manage && (
            <Form
              form={form}
              layout="vertical"
              mode="card"
              onFinish={(v: AddForm) => {
                const relation = v.relation[0];
                if (!relation) return;
                addMember.mutate(
                  { params: { path: { id: family.id } }, body: { phone: v.phone, relation } },
                  {
                    onSuccess: (res) => {
                      form.resetFields();
                      Toast.show({
                        icon: 'success',
                        content: res.status === 'invited' ? t('people.family.inviteSent') : t('people.family.done'),
                      });
                    },
                    onError: (error) => {
                      const field = error instanceof ApiError ? error.fieldErrors().phone : undefined;
                      if (field) form.setFields([{ name: 'phone', errors: [field] }]);
                      else fail(error);
                    },
                  },
                );
              }}
              footer={
                <Button block type="submit" color="primary" loading={addMember.isPending}>
                  {t('people.family.invite')}
                </Button>
              }
            >
              <Form.Header>{t('people.family.add')}</Form.Header>
              <Form.Item
                name="phone"
                label={t('people.family.phone')}
                rules={[{ required: true, pattern: phonePattern, message: t('people.family.phoneInvalid') }]}
              >
                <Input type="tel" inputMode="numeric" maxLength={11} placeholder={t('people.family.phone')} />
              </Form.Item>
              <Form.Item
                name="relation"
                label={t('people.family.relation')}
                rules={[{ required: true, message: t('people.console.required') }]}
              >
                <Selector
                  columns={3}
                  options={familyRelations.map((r) => ({ value: r, label: t(`people.relations.${r}`) }))}
                />
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </SubPage>
  );
}
