/** Donations (捐赠) into the funds the caller manages: record one (once per form, by its Idempotency-Key), reverse one with a reason. */
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { fenOf, yuanOf } from '../../charity/strings.js';
import { formatDateTime } from '../../shared/time.js';
import { type Donation, useDonations, useFunds, useRecordDonation, useReverseDonation } from './data.js';
import { TextModal } from './TextModal.js';

interface Values {
  fundId: string;
  amount: string;
  method: 'cash' | 'wechat' | 'alipay';
  paymentRef?: string;
  donorName?: string;
  on?: Dayjs;
}

export function DonationsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const donations = useDonations();
  const funds = useFunds();
  const record = useRecordDonation();
  const reverse = useReverseDonation();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [target, setTarget] = useState<Donation | null>(null);
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const rows = donations.data?.pages.flatMap((p) => p.items) ?? [];
  const submit = (v: Values) =>
    record.mutate(
      {
        fundId: v.fundId,
        key,
        body: {
          amountFen: fenOf(v.amount) ?? 0,
          method: v.method,
          ...(v.paymentRef?.trim() ? { paymentRef: v.paymentRef.trim() } : {}),
          ...(v.donorName?.trim() ? { donorName: v.donorName.trim() } : {}),
          ...(v.on ? { on: v.on.format('YYYY-MM-DD') } : {}),
        },
      },
      {
        onSuccess: () => {
          message.success(t('charity.console.donations.recorded'));
          form.resetFields();
          setKey(crypto.randomUUID());
          setOpen(false);
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('charity.console.donations.add')}
      </Button>
      <Table<Donation>
        rowKey="id"
        loading={donations.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('charity.console.donations.on'), dataIndex: 'on' },
          { title: t('charity.console.donations.fund'), render: (_, d) => d.fund.name },
          {
            title: t('charity.console.donations.donor'),
            render: (_, d) => d.donorName ?? t('charity.console.donations.anonymous'),
          },
          { title: t('charity.console.donations.amount'), render: (_, d) => `¥${yuanOf(d.amountFen)}` },
          { title: t('charity.console.donations.method'), render: (_, d) => t(`charity.methods.${d.method}`) },
          { title: t('charity.console.donations.ref'), render: (_, d) => d.paymentRef ?? '' },
          {
            title: t('charity.console.donations.recordedBy'),
            render: (_, d) => `${d.recordedBy?.name ?? ''} ${formatDateTime(d.recordedAt)}`,
          },
          {
            title: t('charity.console.actions'),
            render: (_, d) =>
              d.reversal ? (
                <Tag color="red">{t('charity.console.donations.reversed', { reason: d.reversal.reason })}</Tag>
              ) : (
                <Button size="small" danger onClick={() => setTarget(d)}>
                  {t('charity.console.donations.reverse')}
                </Button>
              ),
          },
        ]}
      />
      {donations.hasNextPage && (
        <Button onClick={() => void donations.fetchNextPage()} loading={donations.isFetchingNextPage}>
          {t('charity.console.donations.more')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('charity.console.donations.add')}
        okText={t('charity.console.confirm')}
        cancelText={t('charity.console.cancel')}
        confirmLoading={record.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <Form form={form} layout="vertical" initialValues={{ method: 'cash' }} onFinish={submit}>
          <Form.Item name="fundId" label={t('charity.console.donations.fund')} rules={[{ required: true }]}>
            <Select
              loading={funds.isPending}
              options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('charity.console.donations.amount')}
            rules={[
              {
                required: true,
                validator: (_, v: string | undefined) =>
                  fenOf(String(v ?? ''))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('charity.console.donations.amountBad'))),
              },
            ]}
          >
            <Input inputMode="decimal" placeholder="500" />
          </Form.Item>
          <Form.Item name="method" label={t('charity.console.donations.method')} rules={[{ required: true }]}>
            <Select
              options={(['cash', 'wechat', 'alipay'] as const).map((m) => ({
                value: m,
                label: t(`charity.methods.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="paymentRef"
            label={t('charity.console.donations.ref')}
            rules={[{ required: method !== undefined && method !== 'cash', whitespace: true }]}
          >
            <Input maxLength={textLimits.charityPaymentRef} />
          </Form.Item>
          <Form.Item name="donorName" label={t('charity.console.donations.donor')}>
            <Input maxLength={textLimits.charityDonorName} placeholder={t('charity.console.donations.anonymous')} />
          </Form.Item>
          <Form.Item name="on" label={t('charity.console.donations.on')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <TextModal
        open={target !== null}
        title={t('charity.console.donations.reverse')}
        label={t('charity.console.donations.reason')}
        limit={textLimits.charityReason}
        busy={reverse.isPending}
        onCancel={() => setTarget(null)}
        onOk={(reason) =>
          target &&
          reverse.mutate(
            { id: target.id, reason },
            { onSuccess: () => setTarget(null), onError: (err) => void message.error(errorText(err)) },
          )
        }
      />
    </Space>
  );
}
