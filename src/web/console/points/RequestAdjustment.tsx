/**
 * 申请奖励或扣减 (console 积分管理): staff pick a volunteer in their scope, award or deduct points
 * with a reason; the request waits for a second staff member's approval (the list below it).
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { $api, pathKey, refresh } from '../../api/queries.js';
import { newIdempotencyKey } from '../../orders/format.js';

interface Values {
  volunteerId: string;
  direction: 'award' | 'deduct';
  points: number;
  reason: string;
}

export function RequestAdjustment() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  // One key per filled-in form: a retried submit answers the same request.
  const [key, setKey] = useState(newIdempotencyKey);
  const volunteers = $api.useQuery('get', '/api/v1/volunteers', {
    params: { query: { limit: 20, status: 'active', ...(q ? { q } : {}) } },
  });
  const send = $api.useMutation('post', '/api/v1/points/adjustments');
  const submit = (body: Values) =>
    send.mutate(
      { body, headers: { 'Idempotency-Key': key } },
      {
        onSuccess: () => {
          void message.success(t('points.console.requested'));
          form.resetFields();
          setKey(newIdempotencyKey());
          void refresh(qc, pathKey('get', '/api/v1/points/adjustments'));
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  return (
    <Card title={t('points.console.newAdjustment')} style={{ maxWidth: 640 }} data-testid="points-request">
      <Typography.Paragraph type="secondary">{t('points.console.requestHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ direction: 'award' }} onFinish={submit}>
        <Form.Item name="volunteerId" label={t('points.console.volunteer')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={volunteers.isFetching}
            placeholder={t('points.console.searchVolunteer')}
            options={(volunteers.data?.items ?? []).map((v) => ({
              value: v.id,
              label: `${v.name}（${v.number}，${v.phoneMasked}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="direction" label={t('points.console.direction')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'award', label: t('points.console.award') },
              { value: 'deduct', label: t('points.console.deduct') },
            ]}
          />
        </Form.Item>
        <Form.Item name="points" label={t('points.console.amount')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('points.console.reason')}
          rules={[{ required: true, whitespace: true, min: 2 }]}
        >
          <Input.TextArea rows={2} maxLength={textLimits.pointsAdjustmentReason} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending}>
          {t('points.console.submitRequest')}
        </Button>
      </Form>
    </Card>
  );
}
