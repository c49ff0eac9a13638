/**
 * Beneficiaries (帮扶对象) by masked name; the full name and phone are one read each, which the server
 * writes to the audit log. Registering needs the person's consent.
 */
import { App, Button, Checkbox, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { formatDate } from '../../shared/time.js';
import {
  type BeneficiaryBody,
  type BeneficiaryItem,
  readBeneficiary,
  useBeneficiaries,
  useRegisterBeneficiary,
} from './data.js';
import { RegionSelect } from './RegionSelect.js';

export function BeneficiariesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useBeneficiaries();
  const register = useRegisterBeneficiary();
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [form] = Form.useForm<BeneficiaryBody>();
  const reveal = async (id: string) => {
    try {
      const full = await readBeneficiary(id);
      setRevealed((r) => ({ ...r, [id]: full.phone ? `${full.name} · ${full.phone}` : full.name }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('charity.console.beneficiaries.add')}
      </Button>
      <Typography.Text type="secondary">{t('charity.console.beneficiaries.revealNote')}</Typography.Text>
      <Table<BeneficiaryItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('charity.console.beneficiaries.name'),
            render: (_, b) =>
              revealed[b.id] ?? (
                <Space>
                  {b.maskedName}
                  <Button size="small" type="link" onClick={() => void reveal(b.id)}>
                    {t('charity.console.beneficiaries.reveal')}
                  </Button>
                </Space>
              ),
          },
          { title: t('charity.console.beneficiaries.situation'), dataIndex: 'situation' },
          {
            title: t('charity.console.beneficiaries.consentAt'),
            render: (_, b) => formatDate(b.consentAt),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('charity.console.sales.more')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('charity.console.beneficiaries.add')}
        okText={t('charity.console.confirm')}
        cancelText={t('charity.console.cancel')}
        confirmLoading={register.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            register.mutate(
              { ...v, name: v.name.trim(), ...(v.phone ? {} : { phone: undefined }) },
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
          <Form.Item
            name="name"
            label={t('charity.console.beneficiaries.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={textLimits.charityBeneficiaryName} />
          </Form.Item>
          <Form.Item name="phone" label={t('charity.console.beneficiaries.phone')} rules={[{ pattern: /^1\d{10}$/ }]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('charity.console.beneficiaries.community')}
            rules={[{ required: true }]}
          >
            <RegionSelect levels={['community']} />
          </Form.Item>
          <Form.Item name="situation" label={t('charity.console.beneficiaries.situation')}>
            <Input.TextArea maxLength={textLimits.charitySituation} showCount rows={2} />
          </Form.Item>
          <Form.Item name="consent" valuePropName="checked" rules={[{ required: true, type: 'enum', enum: [true] }]}>
            <Checkbox>{t('charity.console.beneficiaries.consent')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
