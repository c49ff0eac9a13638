/** The reach settings of the coverage analysis: walking speed, minutes, detour factor and cell size (centre admins change them). */
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import { PageError } from '../PageState.js';
import { type CoverageSettings, useCoverageSettings, useSaveCoverageSettings } from './data.js';

export function SettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const settings = useCoverageSettings();
  const save = useSaveCoverageSettings();
  const [form] = Form.useForm<CoverageSettings>();
  const canEdit = Boolean(me.data?.roles.some((r) => r.role === 'centre_admin'));
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  return (
    <Card title={t('coverage.settings.title')} className="lf-coverage-settings">
      {!canEdit && <Alert type="info" showIcon title={t('coverage.settings.readOnly')} style={{ marginBottom: 16 }} />}
      {settings.isError && <PageError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Form<CoverageSettings>
          form={form}
          layout="vertical"
          disabled={!canEdit}
          initialValues={settings.data}
          onFinish={(body) =>
            save.mutate(
              { body },
              {
                onSuccess: () => void message.success(t('coverage.settings.saved')),
                onError: (err) => void message.error(errorText(err)),
              },
            )
          }
        >
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="speedMPerMin" label={t('coverage.settings.speed')} rules={[{ required: true }]}>
                <InputNumber min={30} max={150} step={5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="minutes" label={t('coverage.settings.minutes')} rules={[{ required: true }]}>
                <InputNumber min={5} max={30} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="detourFactor"
                label={t('coverage.settings.detour')}
                extra={t('coverage.settings.detourHint')}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={2} step={0.05} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="resolution"
                label={t('coverage.settings.resolution')}
                extra={t('coverage.settings.resolutionHint')}
                rules={[{ required: true }]}
              >
                <Select options={[8, 9, 10].map((r) => ({ value: r, label: String(r) }))} />
              </Form.Item>
            </Col>
          </Row>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('coverage.settings.save')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
