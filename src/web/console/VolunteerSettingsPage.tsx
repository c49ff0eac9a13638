/**
 * 注册年龄 (staff read, centre admins change): from which age a person registers alone, and below
 * which age a child joins only with a volunteer family. The bounds are the server's (shared).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_RULE_BOUNDS, type AgeRules } from '../../shared/age-rules.js';
import { $api } from '../api/queries.js';
import { useMe } from '../api/session.js';
import { SettingsFrame, useSettingsSave } from './SettingsFrame.js';

const bounds = AGE_RULE_BOUNDS;

export function VolunteerSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const settings = $api.useQuery('get', '/api/v1/volunteer-settings');
  const save = $api.useMutation('put', '/api/v1/volunteer-settings', {
    onSuccess: (saved) => qc.setQueryData($api.queryOptions('get', '/api/v1/volunteer-settings').queryKey, saved),
  });
  const submit = useSettingsSave(save, t('volunteerForms.settings.saved'));
  const [form] = Form.useForm<AgeRules>();
  const canEdit = Boolean(me.data?.roles.some((r) => r.role === 'centre_admin'));
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const values = Form.useWatch([], form) ?? settings.data;
  const years = t('volunteerForms.settings.years');

  return (
    <SettingsFrame
      title={t('volunteerForms.settings.title')}
      intro={t('volunteerForms.settings.intro')}
      settings={settings}
      readOnly={canEdit ? null : t('volunteerForms.settings.readOnly')}
    >
      {(data) => (
        <Form<AgeRules> form={form} layout="vertical" disabled={!canEdit} initialValues={data} onFinish={submit}>
          <Form.Item
            name="adultAge"
            label={t('volunteerForms.settings.adultAge')}
            extra={t('volunteerForms.settings.adultAgeHint', bounds.adultAge)}
            rules={[{ required: true }, { type: 'integer', ...bounds.adultAge }]}
          >
            <InputNumber {...bounds.adultAge} precision={0} suffix={years} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="minAgeOnOwn"
            label={t('volunteerForms.settings.minAgeOnOwn')}
            extra={t('volunteerForms.settings.minAgeOnOwnHint', bounds.minAgeOnOwn)}
            dependencies={['adultAge']}
            rules={[
              { required: true },
              { type: 'integer', ...bounds.minAgeOnOwn },
              ({ getFieldValue }) => ({
                validator: (_, value: number) =>
                  value > getFieldValue('adultAge')
                    ? Promise.reject(new Error(t('volunteerForms.settings.tooHigh')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <InputNumber {...bounds.minAgeOnOwn} precision={0} suffix={years} style={{ width: 200 }} />
          </Form.Item>
          {values?.adultAge && values.minAgeOnOwn && values.minAgeOnOwn <= values.adultAge ? (
            <Typography.Paragraph type="secondary" className="lf-settings-preview">
              {t('volunteerForms.settings.preview', { ...values, below: values.adultAge - 1 })}
            </Typography.Paragraph>
          ) : null}
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('volunteerForms.settings.save')}
            </Button>
          )}
        </Form>
      )}
    </SettingsFrame>
  );
}
