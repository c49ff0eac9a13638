/** The verification queue (recorded qualifications, verified by someone else) and the partner institutions. */
import { App, Button, Form, Input, List, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { formatDate } from '../../shared/time.js';
import { PageError } from '../PageState.js';
import {
  idempotent,
  type PartnerBody,
  useAddPartner,
  usePartners,
  usePendingQualifications,
  useVerify,
} from './data.js';

export function QualificationsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queue = usePendingQualifications();
  const verify = useVerify();
  if (queue.isError) return <PageError error={queue.error} onRetry={() => queue.refetch()} />;
  const rows = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const decide = (id: string, decision: 'approve' | 'reject') =>
    verify.mutate(
      { params: { path: { id } }, body: { decision } },
      {
        onSuccess: () => void message.success(t('academy.desk.saved')),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <>
      <Table
        rowKey="id"
        loading={queue.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('academy.desk.noPending') }}
        columns={[
          { title: t('academy.desk.holder'), dataIndex: 'holderName' },
          { title: t('academy.qualifications.title'), dataIndex: 'name' },
          { title: t('academy.qualifications.issuer'), dataIndex: 'issuer' },
          { title: t('academy.qualifications.certificateNo'), dataIndex: 'certificateNo' },
          { title: t('academy.qualifications.issuedAt'), render: (_, q) => formatDate(q.issuedAt) },
          {
            title: t('academy.qualifications.expiresAt'),
            render: (_, q) => (q.expiresAt ? formatDate(q.expiresAt) : t('academy.qualifications.noExpiry')),
          },
          {
            title: t('academy.desk.proof'),
            render: (_, q) =>
              q.proofUrl && (
                <a href={q.proofUrl} target="_blank" rel="noreferrer">
                  {t('academy.desk.proof')}
                </a>
              ),
          },
          {
            title: '',
            render: (_, q) => (
              <Space>
                <Button type="primary" size="small" onClick={() => decide(q.id, 'approve')}>
                  {t('academy.desk.approve')}
                </Button>
                <Button danger size="small" onClick={() => decide(q.id, 'reject')}>
                  {t('academy.desk.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {queue.hasNextPage && (
        <Button block onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
          {t('academy.desk.more')}
        </Button>
      )}
    </>
  );
}

const kinds = ['college', 'university', 'association', 'hospital', 'other'] as const;

export function PartnersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const partners = usePartners();
  const add = useAddPartner();
  const [form] = Form.useForm<PartnerBody>();
  if (partners.isError) return <PageError error={partners.error} onRetry={() => partners.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: 'college' }}
        onFinish={(body) =>
          add.mutate(
            { body, headers: idempotent() },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('academy.desk.saved'));
              },
              onError: (e) => void message.error(errorText(e)),
            },
          )
        }
      >
        <Form.Item name="name" label={t('academy.desk.partnerName')} rules={[{ required: true }]}>
          <Input maxLength={textLimits.academyPartnerName} />
        </Form.Item>
        <Form.Item name="kind" label={t('academy.desk.partnerKind')}>
          <Select
            style={{ width: 120 }}
            options={kinds.map((k) => ({ value: k, label: t(`academy.desk.partnerKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('academy.desk.partnerDescription')}>
          <Input maxLength={textLimits.academyPartnerDescription} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('academy.desk.newPartner')}
        </Button>
      </Form>
      <List
        bordered
        loading={partners.isPending}
        dataSource={partners.data?.items ?? []}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {p.name} <Tag>{t(`academy.desk.partnerKinds.${p.kind as (typeof kinds)[number]}`)}</Tag>
                </>
              }
              description={p.description}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
