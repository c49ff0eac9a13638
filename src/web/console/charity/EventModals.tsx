/** Adding a stall to a sale; closing a sale with reconciliation (a difference needs a note). */
import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { yuanOf } from '../../charity/strings.js';
import { type EventDetail, type StallBody, useAddStall, useCloseEvent } from './data.js';

const holderKinds = ['family', 'team', 'merchant'] as const;
const categories = [
  'food',
  'books',
  'toys',
  'goods',
  'cosmetics',
  'crafts',
  'calligraphy',
  'haircut',
  'other',
] as const;

export function AddStallModal({ eventId, open, onClose }: { eventId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StallBody>();
  const category = Form.useWatch('category', form);
  const add = useAddStall();
  const submit = (v: StallBody) =>
    add.mutate(
      { id: eventId, body: { ...v, ...(v.category === 'other' ? {} : { categoryLabel: undefined }) } },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  const required = [{ required: true, whitespace: true }];
  return (
    <Modal
      open={open}
      title={t('charity.console.stalls.add')}
      okText={t('charity.console.confirm')}
      cancelText={t('charity.console.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ holderKind: 'family', category: 'food' }}>
        <Form.Item name="name" label={t('charity.console.stalls.name')} rules={required}>
          <Input maxLength={textLimits.charityStallName} />
        </Form.Item>
        <Form.Item name="holderKind" label={t('charity.console.stalls.holderKind')}>
          <Select options={holderKinds.map((k) => ({ value: k, label: t(`charity.holderKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="holderName" label={t('charity.console.stalls.holderName')} rules={required}>
          <Input maxLength={textLimits.charityHolderName} />
        </Form.Item>
        <Form.Item name="category" label={t('charity.console.stalls.category')}>
          <Select options={categories.map((c) => ({ value: c, label: t(`charity.categories.${c}`) }))} />
        </Form.Item>
        {category === 'other' && (
          <Form.Item name="categoryLabel" label={t('charity.console.stalls.categoryLabel')} rules={required}>
            <Input maxLength={textLimits.charityCategoryLabel} />
          </Form.Item>
        )}
        <Form.Item
          name="keeperPhone"
          label={t('charity.console.stalls.keeperPhone')}
          rules={[{ required: true, pattern: /^1\d{10}$/ }]}
        >
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CloseEventModal({ event, open, onClose }: { event: EventDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ counted: number; note?: string }>();
  const counted = Form.useWatch('counted', form);
  const close = useCloseEvent();
  const countedFen = typeof counted === 'number' ? Math.round(counted * 100) : null;
  const difference = countedFen === null ? null : countedFen - event.totals.cashFen;
  const submit = (v: { counted: number; note?: string }) =>
    close.mutate(
      { id: event.id, countedCashFen: Math.round(v.counted * 100), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      {
        onSuccess: () => onClose(),
        onError: (err) => void message.error(errorText(err)),
      },
    );
  return (
    <Modal
      open={open}
      title={t('charity.console.events.reconcile')}
      okText={t('charity.console.events.close')}
      cancelText={t('charity.console.cancel')}
      confirmLoading={close.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Typography.Paragraph>
          {t('charity.console.events.recorded')}: <strong>¥{yuanOf(event.totals.cashFen)}</strong>
        </Typography.Paragraph>
        <Form.Item name="counted" label={t('charity.console.events.counted')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        {difference !== null && (
          <Typography.Paragraph type={difference === 0 ? 'success' : 'danger'}>
            {t('charity.console.events.difference')}: ¥{yuanOf(difference)}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="note"
          label={t('charity.console.events.note')}
          rules={[
            {
              required: difference !== null && difference !== 0,
              whitespace: true,
              message: t('charity.console.events.noteRequired'),
            },
          ]}
        >
          <Input.TextArea maxLength={textLimits.charityReason} showCount rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
