/**
 * 订单时限 (staff read, centre admins change): how long an order may wait for review and for
 * acceptance before it escalates one level up, and the share urgent orders get.
 */
import { App, Button, Form, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import { type OrderSettings, useOrderSettings, useSaveOrderSettings } from '../../orders/ops-data.js';
import '../../orders/strings.js';
import { SettingsFrame } from '../SettingsFrame.js';

export function OrderSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const settings = useOrderSettings();
  const save = useSaveOrderSettings();
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
        <Form<OrderSettings>
          form={form}
          layout="vertical"
          disabled={!canEdit}
          initialValues={data}
          onFinish={(body) =>
            save.mutate(
              { body },
              {
                onSuccess: () => void message.success(t('orders.settings.saved')),
                onError: (err) => void message.error(errorText(err)),
              },
            )
          }
        >
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
