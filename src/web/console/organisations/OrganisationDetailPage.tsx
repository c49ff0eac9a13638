import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import {
  type JoinMode,
  joinModes,
  type MemberRole,
  memberRoles,
  type OrganisationDetail,
  useInvite,
  useOrganisation,
  useUpdateOrganisation,
} from '../../people/data.js';
import { phonePattern } from '../../shared/phone.js';
import { PageError, PageLoading, usePageTitle } from '../PageState.js';
import { JoinRequestsTab } from './JoinRequestsTab.js';
import { MembersTab } from './MembersTab.js';
import { kindColour } from './OrganisationsPage.js';

/** One organisation: its profile (editable by those who may), join requests, members and invitations. */
export function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const org = useOrganisation(id);
  usePageTitle(org.data?.name ?? t('people.console.title'));
  const [editing, setEditing] = useState(false);
  const o = org.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/console/organisations">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('people.console.back')}
        </Button>
      </Link>
      {org.isPending && <PageLoading />}
      {org.isError && <PageError error={org.error} onRetry={() => org.refetch()} />}
      {o && (
        <>
          <Card
            title={
              <Space>
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {o.name}
                </Typography.Title>
                <Tag color={kindColour[o.kind]}>{t(`people.orgKinds.${o.kind}`)}</Tag>
              </Space>
            }
            extra={o.can.edit && <Button onClick={() => setEditing(true)}>{t('people.console.edit')}</Button>}
          >
            <Descriptions column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('people.console.region')}>{o.region.name}</Descriptions.Item>
              <Descriptions.Item label={t('people.console.parent')}>
                {o.parent ? <Link to={`/console/organisations/${o.parent.id}`}>{o.parent.name}</Link> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('people.console.joinMode')}>
                {t(`people.joinModes.${o.joinMode}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('people.console.status')}>
                {t(`people.statuses.${o.status}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('people.console.contactPhone')}>{o.contactPhone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('people.console.members')}>{o.memberCount}</Descriptions.Item>
              <Descriptions.Item label={t('people.console.description')} span={2}>
                {o.description || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {o.can.manage && (
            <Card>
              <Tabs
                items={[
                  {
                    key: 'requests',
                    label: t('people.console.tabs.requests'),
                    children: <JoinRequestsTab id={o.id} />,
                  },
                  { key: 'members', label: t('people.console.tabs.members'), children: <MembersTab id={o.id} /> },
                  { key: 'invite', label: t('people.console.tabs.invite'), children: <InviteTab id={o.id} /> },
                ]}
              />
            </Card>
          )}
          {editing && <EditModal org={o} onClose={() => setEditing(false)} />}
        </>
      )}
    </Space>
  );
}

interface InviteForm {
  phone: string;
  role: MemberRole;
  message?: string;
}

function InviteTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteForm>();
  const invite = useInvite();
  return (
    <Form<InviteForm>
      form={form}
      layout="vertical"
      style={{ maxWidth: 420 }}
      initialValues={{ role: 'member' }}
      onFinish={(v) =>
        invite.mutate(
          { params: { path: { id } }, body: { phone: v.phone, role: v.role, message: v.message || undefined } },
          {
            onSuccess: () => {
              form.resetFields();
              message.success(t('people.console.invited'));
            },
            onError: (error) => message.error(errorText(error)),
          },
        )
      }
    >
      <Form.Item
        name="phone"
        label={t('people.console.invitePhone')}
        rules={[{ required: true, pattern: phonePattern, message: t('people.family.phoneInvalid') }]}
      >
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item name="role" label={t('people.console.inviteRole')}>
        <Select options={memberRoles.map((r) => ({ value: r, label: t(`people.memberRoles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="message" label={t('people.console.inviteMessage')}>
        <Input.TextArea rows={2} maxLength={textLimits.invitationMessage} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={invite.isPending}>
        {t('people.console.inviteSubmit')}
      </Button>
    </Form>
  );
}

interface EditForm {
  name: string;
  description?: string;
  contactPhone?: string;
  joinMode: JoinMode;
}

function EditModal({ org, onClose }: { org: OrganisationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const update = useUpdateOrganisation();
  return (
    <Modal
      open
      title={t('people.console.edit')}
      okText={t('people.console.save')}
      cancelText={t('people.console.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={{
          name: org.name,
          description: org.description ?? '',
          contactPhone: org.contactPhone ?? '',
          joinMode: org.joinMode,
        }}
        onFinish={(v) =>
          update.mutate(
            {
              params: { path: { id: org.id } },
              body: {
                name: v.name,
                description: v.description || null,
                contactPhone: v.contactPhone || null,
                joinMode: v.joinMode,
              },
            },
            {
              onSuccess: () => {
                message.success(t('people.console.saved'));
                onClose();
              },
              onError: (error) => message.error(errorText(error)),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('people.console.name')}
          rules={[{ required: true, message: t('people.console.required') }]}
        >
          <Input maxLength={textLimits.organisationName} />
        </Form.Item>
        <Form.Item name="joinMode" label={t('people.console.joinMode')}>
          <Select options={joinModes.map((m) => ({ value: m, label: t(`people.joinModes.${m}`) }))} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('people.console.contactPhone')}
          rules={[{ pattern: phonePattern, message: t('people.family.phoneInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="description" label={t('people.console.description')}>
          <Input.TextArea rows={3} maxLength={textLimits.organisationDescription} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
