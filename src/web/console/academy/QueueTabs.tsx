/** Recording outside qualifications and their verification queue (by someone else, a rejection with a reason); the partner institutions. */
import { App, Button, Form, Image, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import type { components } from '../../api/schema.js';
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
import { RecordQualification } from './RecordQualification.js';

type Qualification = components['schemas']['AcademyQualification'];

export function QualificationsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queue = usePendingQualifications();
  const verify = useVerify();
  const [rejecting, setRejecting] = useState<Qualification | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  if (queue.isError) return <PageError error={queue.error} onRetry={() => queue.refetch()} />;
  const rows = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const decide = (id: string, decision: 'approve' | 'reject', reason?: string) =>
    verify.mutate(
      { params: { path: { id } }, body: { decision, ...(reason ? { reason } : {}) } },
      {
        onSuccess: () => {
          void message.success(t(decision === 'approve' ? 'academy.external.approved' : 'academy.external.rejected'));
          setRejecting(null);
          reasonForm.resetFields();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <RecordQualification />
      <Typography.Title level={5}>{t('academy.desk.queue')}</Typography.Title>
      <Table
        rowKey="id"
        loading={queue.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="verify-queue"
        locale={{ emptyText: t('academy.desk.noPending') }}
        columns={[
          { title: t('academy.desk.holder'), dataIndex: 'holderName' },
          { title: t('academy.external.skill'), dataIndex: 'name' },
          { title: t('academy.qualifications.issuer'), dataIndex: 'issuer' },
          { title: t('academy.qualifications.certificateNo'), dataIndex: 'certificateNo' },
          { title: t('academy.qualifications.issuedAt'), render: (_, q) => formatDate(q.issuedAt) },
          {
            title: t('academy.qualifications.expiresAt'),
            render: (_, q) => (q.expiresAt ? formatDate(q.expiresAt) : t('academy.qualifications.noExpiry')),
          },
          { title: t('academy.desk.proof'), render: (_, q) => <Proof q={q} /> },
          {
            title: '',
            render: (_, q) => (
              <Space>
                <Button type="primary" size="small" onClick={() => decide(q.id, 'approve')}>
                  {t('academy.desk.approve')}
                </Button>
                <Button danger size="small" onClick={() => setRejecting(q)}>
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
      <Modal
        open={rejecting !== null}
        title={t('academy.external.rejectTitle')}
        okText={t('academy.desk.reject')}
        okButtonProps={{ danger: true }}
        confirmLoading={verify.isPending}
        onCancel={() => setRejecting(null)}
        onOk={() => reasonForm.submit()}
      >
        {rejecting && (
          <Typography.Paragraph>
            {rejecting.holderName} · {rejecting.name} · {rejecting.issuer}
          </Typography.Paragraph>
        )}
        <Form
          form={reasonForm}
          layout="vertical"
          onFinish={(v) => rejecting && decide(rejecting.id, 'reject', v.reason.trim())}
        >
          <Form.Item
            name="reason"
            label={t('academy.external.rejectReason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('academy.external.rejectReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={textLimits.academyRejectReason} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The proof scan: an image shown small (click to enlarge), a PDF as a link. */
function Proof({ q }: { q: Qualification }) {
  const { t } = useTranslation();
  if (!q.proofUrl) return null;
  if (q.proofContentType?.startsWith('image/'))
    return <Image src={q.proofUrl} width={96} alt={`${t('academy.desk.proof')} · ${q.holderName}`} />;
  return (
    <a href={q.proofUrl} target="_blank" rel="noreferrer">
      {t('academy.external.openProof')}
    </a>
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
