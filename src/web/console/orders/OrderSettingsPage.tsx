/**
 * 订单时限 (staff read, centre admins change): how long an order may wait for review and for
 * acceptance before it escalates one level up, and the share urgent orders get; after how many
 * days an unrated order closes; and the dispatch rules (cost weights, open tasks per volunteer).
 */
import { Button, Divider, Form, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.js';
import { type OrderSettings, useOrderSettings, useSaveOrderSettings } from '../../orders/ops-data.js';
import '../../orders/strings.js';
import { SettingsFrame, useSettingsSave } from '../SettingsFrame.js';

const weightFields = ['weightDistance', 'weightSkill', 'weightRating', 'weightFairness'] as const;

export function OrderSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const settings = useOrderSettings();
  const save = useSaveOrderSettings();
  const submit = useSettingsSave(save, t('orders.settings.saved'));
  const [form] = Form.useForm<OrderSettings>();
  const canEdit = Boolean(me.data?.roles.some((r) => r.role === 'centre_admin'));
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const values = Form.useWatch([], form) ?? settings.data;

  const span = (minutes: number) =>
    minutes < 90
      ? t('orders.metrics.minutes', { count: Math.round(minutes) })
      : t('orders.metrics.hours', { count: Math.round(minutes / 6) / 10 });
  const share = (values?.urgentFactorPercent ?? 100) / 100;

  return (
    <SettingsFrame
      title={t('orders.settings.title')}
      intro={t('orders.settings.intro')}
      settings={settings}
      readOnly={canEdit ? null : t('orders.settings.readOnly')}
    >
      {(data) => (
        <Form<OrderSettings> form={form} layout="vertical" disabled={!canEdit} initialValues={data} onFinish={submit}>
          <Form.Item
            name="reviewLimitMinutes"
            label={t('orders.settings.reviewLimit')}
            extra={t('orders.settings.reviewLimitHint')}
            rules={[{ required: true }, { type: 'integer', min: 5, max: 10080 }]}
          >
            <InputNumber min={5} max={10080} step={15} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="acceptLimitMinutes"
            label={t('orders.settings.acceptLimit')}
            extra={t('orders.settings.acceptLimitHint')}
            rules={[{ required: true }, { type: 'integer', min: 5, max: 10080 }]}
          >
            <InputNumber min={5} max={10080} step={15} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="urgentFactorPercent"
            label={t('orders.settings.urgentFactor')}
            extra={t('orders.settings.urgentFactorHint')}
            rules={[{ required: true }, { type: 'integer', min: 10, max: 100 }]}
          >
            <InputNumber min={10} max={100} step={5} precision={0} style={{ width: 200 }} />
          </Form.Item>
          {values?.reviewLimitMinutes && values.acceptLimitMinutes ? (
            <Typography.Paragraph type="secondary" className="lf-settings-preview">
              {t('orders.settings.preview', {
                review: span(values.reviewLimitMinutes),
                accept: span(values.acceptLimitMinutes),
                urgentReview: span(values.reviewLimitMinutes * share),
                urgentAccept: span(values.acceptLimitMinutes * share),
              })}
            </Typography.Paragraph>
          ) : null}
          <Form.Item
            name="autoCloseDays"
            label={t('orders.settings.autoCloseDays')}
            extra={t('orders.settings.autoCloseDaysHint')}
            rules={[{ required: true }, { type: 'integer', min: 1, max: 90 }]}
          >
            <InputNumber min={1} max={90} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Divider titlePlacement="start">{t('orders.settings.dispatch')}</Divider>
          <Typography.Paragraph type="secondary">{t('orders.settings.dispatchIntro')}</Typography.Paragraph>
          {weightFields.map((name) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`orders.settings.${name}`)}
              extra={t(`orders.settings.${name}Hint`)}
              rules={[{ required: true }, { type: 'number', min: name === 'weightDistance' ? 0.1 : 0, max: 20 }]}
            >
              <InputNumber min={name === 'weightDistance' ? 0.1 : 0} max={20} step={0.5} style={{ width: 200 }} />
            </Form.Item>
          ))}
          <Form.Item
            name="volunteerCapacity"
            label={t('orders.settings.volunteerCapacity')}
            extra={t('orders.settings.volunteerCapacityHint')}
            rules={[{ required: true }, { type: 'integer', min: 1, max: 20 }]}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: 200 }} />
          </Form.Item>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('orders.settings.save')}
            </Button>
          )}
        </Form>
      )}
    </SettingsFrame>
  );
}
