/**
 * Disbursements (善款支出): requested, approved by one person, countersigned by another, then paid
 * with a reference. Each button shows only when the server says this person may take that step.
 */
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { yuanOf } from '../../charity/strings.js';
import {
  type Disbursement,
  useBeneficiaries,
  useDisbursementStep,
  useDisbursements,
  useFunds,
  useRequestDisbursement,
} from './data.js';
import { TextModal } from './TextModal.js';

const purposes = ['living', 'medical', 'education', 'holiday', 'other'] as const;
const colour: Record<Disbursement['state'], string> = {
  pending: 'default',
  approved_once: 'processing',
  approved: 'warning',
  paid: 'success',
  rejected: 'error',
};

export function DisbursementsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDisbursements();
  const step = useDisbursementStep();
  const [asking, setAsking] = useState(false);
  const [prompt, setPrompt] = useState<{ id: string; step: 'pay' | 'reject' } | null>(null);
  const run = (id: string, s: 'approve' | 'pay' | 'reject', text?: string) =>
    step.mutate(
      { id, step: s, ...(text ? { text } : {}) },
      { onSuccess: () => setPrompt(null), onError: (err) => void message.error(errorText(err)) },
    );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setAsking(true)}>
        {t('charity.console.disbursements.add')}
      </Button>
      <Table<Disbursement>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('charity.console.disbursements.beneficiary'), render: (_, d) => d.beneficiary.maskedName },
          { title: t('charity.console.disbursements.fund'), render: (_, d) => d.fund.name },
          { title: t('charity.console.sales.amount'), render: (_, d) => `¥${yuanOf(d.amountFen)}` },
          { title: t('charity.console.disbursements.purpose'), render: (_, d) => t(`charity.purposes.${d.purpose}`) },
          {
            title: t('charity.console.disbursements.state'),
            render: (_, d) => (
              <Tag color={colour[d.state]} data-testid="disbursement-state">
                {t(`charity.disbursementStates.${d.state}`)}
                {d.paymentRef ? ` · ${t('charity.console.disbursements.paidRef', { ref: d.paymentRef })}` : ''}
              </Tag>
            ),
          },
          { title: t('charity.console.disbursements.requestedBy'), render: (_, d) => d.requestedBy.name },
          {
            title: t('charity.console.disbursements.approvers'),
            render: (_, d) => [d.firstApprover?.name, d.secondApprover?.name].filter(Boolean).join(' / '),
          },
          {
            title: t('charity.console.actions'),
            render: (_, d) => (
              <Space wrap>
                {d.actions.approve && (
                  <Button size="small" type="primary" onClick={() => run(d.id, 'approve')} loading={step.isPending}>
                    {t('charity.console.disbursements.approve')}
                  </Button>
                )}
                {d.actions.countersign && (
                  <Button size="small" type="primary" onClick={() => run(d.id, 'approve')} loading={step.isPending}>
                    {t('charity.console.disbursements.countersign')}
                  </Button>
                )}
                {d.actions.pay && (
                  <Button size="small" type="primary" onClick={() => setPrompt({ id: d.id, step: 'pay' })}>
                    {t('charity.console.disbursements.pay')}
                  </Button>
                )}
                {d.actions.reject && (
                  <Button size="small" danger onClick={() => setPrompt({ id: d.id, step: 'reject' })}>
                    {t('charity.console.disbursements.reject')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('charity.console.sales.more')}
        </Button>
      )}
      <TextModal
        open={prompt !== null}
        title={t(prompt?.step === 'pay' ? 'charity.console.disbursements.pay' : 'charity.console.disbursements.reject')}
        label={t(
          prompt?.step === 'pay'
            ? 'charity.console.disbursements.payRef'
            : 'charity.console.disbursements.rejectReason',
        )}
        limit={prompt?.step === 'pay' ? textLimits.charityPaymentRef : textLimits.charityReason}
        busy={step.isPending}
        onCancel={() => setPrompt(null)}
        onOk={(text) => prompt && run(prompt.id, prompt.step, text)}
      />
      <RequestModal open={asking} onClose={() => setAsking(false)} />
    </Space>
  );
}

interface Values {
  fundId: string;
  beneficiaryId: string;
  amount: number;
  purpose: (typeof purposes)[number];
  note?: string;
}

function RequestModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const funds = useFunds();
  const people = useBeneficiaries();
  const request = useRequestDisbursement();
  const submit = (v: Values) =>
    request.mutate(
      {
        fundId: v.fundId,
        beneficiaryId: v.beneficiaryId,
        amountFen: Math.round(v.amount * 100),
        purpose: v.purpose,
        note: v.note?.trim() ?? '',
      },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  const required = [{ required: true }];
  return (
    <Modal
      open={open}
      title={t('charity.console.disbursements.add')}
      okText={t('charity.console.confirm')}
      cancelText={t('charity.console.cancel')}
      confirmLoading={request.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ purpose: 'living' }}>
        <Form.Item name="fundId" label={t('charity.console.disbursements.fund')} rules={required}>
          <Select
            options={(funds.data?.items ?? []).map((f) => ({
              value: f.id,
              label: `${f.name}（¥${yuanOf(f.balanceFen)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="beneficiaryId" label={t('charity.console.disbursements.beneficiary')} rules={required}>
          <Select
            options={(people.data?.pages.flatMap((p) => p.items) ?? []).map((b) => ({
              value: b.id,
              label: b.situation ? `${b.maskedName}（${b.situation}）` : b.maskedName,
            }))}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('charity.console.disbursements.amount')} rules={required}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('charity.console.disbursements.purpose')}>
          <Select options={purposes.map((p) => ({ value: p, label: t(`charity.purposes.${p}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('charity.console.disbursements.note')}>
          <Input.TextArea maxLength={textLimits.charityNote} showCount rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
