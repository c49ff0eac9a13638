/** Funds (善款基金) of the caller's scope and above, with balances read from the ledger. */
import { App, Button, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { yuanOf } from '../../charity/strings.js';
import { type Fund, type FundBody, useCreateFund, useFunds } from './data.js';
import { RegionSelect } from './RegionSelect.js';

export function FundsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const funds = useFunds();
  const create = useCreateFund();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FundBody>();
  const money = (fen: number) => `¥${yuanOf(fen)}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('charity.console.funds.add')}
      </Button>
      <Table<Fund>
        rowKey="id"
        loading={funds.isPending}
        dataSource={funds.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('charity.console.funds.name'), dataIndex: 'name' },
          { title: t('charity.console.funds.balance'), render: (_, f) => <strong>{money(f.balanceFen)}</strong> },
          { title: t('charity.console.funds.income'), render: (_, f) => money(f.incomeFen) },
          { title: t('charity.console.funds.paid'), render: (_, f) => money(f.paidFen) },
          { title: t('charity.console.funds.description'), dataIndex: 'description' },
        ]}
      />
      <Modal
        open={open}
        title={t('charity.console.funds.add')}
        okText={t('charity.console.confirm')}
        cancelText={t('charity.console.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            create.mutate(
              { ...v, name: v.name.trim() },
              {
                onSuccess: () => {
                  form.resetFields();
                  setOpen(false);
                },
                onError: (err) => void message.error(errorText(err)),
              },
            )
          }
        >
          <Form.Item name="name" label={t('charity.console.funds.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={textLimits.charityFundName} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('charity.console.funds.region')} rules={[{ required: true }]}>
            <RegionSelect levels={['district', 'subdistrict', 'community']} />
          </Form.Item>
          <Form.Item name="description" label={t('charity.console.funds.description')}>
            <Input.TextArea maxLength={textLimits.charityNote} showCount rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
