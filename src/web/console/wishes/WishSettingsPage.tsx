/**
 * 微心愿认领上限 (staff read, centre admins change): how many wishes one volunteer and one caring
 * organisation may hold claimed and not yet confirmed. The bounds are the server's (shared).
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { WISH_SETTING_BOUNDS, type WishSettings } from '../../../shared/wish-settings.js';
import { errorText } from '../../api/errors.js';
import { $api } from '../../api/queries.js';
import { useMe } from '../../api/session.js';
import { SettingsFrame } from '../SettingsFrame.js';

const fields = ['personClaimLimit', 'organisationClaimLimit'] as const;
const label = { personClaimLimit: 'person', organisationClaimLimit: 'organisation' } as const;

export function WishSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const qc = useQueryClient();
  const settings = $api.useQuery('get', '/api/v1/wishes/settings');
  const save = $api.useMutation('put', '/api/v1/wishes/settings', {
    onSuccess: (saved) => qc.setQueryData($api.queryOptions('get', '/api/v1/wishes/settings').queryKey, saved),
  });
  const [form] = Form.useForm<WishSettings>();
  const canEdit = Boolean(me.data?.roles.some((r) => r.role === 'centre_admin'));
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/wishes')}>
        {t('wishes.console.settings.back')}
      </Button>
      <SettingsFrame
        title={t('wishes.console.settings.title')}
        intro={t('wishes.console.settings.intro')}
        settings={settings}
        readOnly={canEdit ? null : t('wishes.console.settings.readOnly')}
      >
        {(data) => (
          <Form<WishSettings>
            form={form}
            layout="vertical"
            disabled={!canEdit}
            initialValues={data}
            onFinish={(body) =>
              save.mutate(
                { body },
                {
                  onSuccess: () => void message.success(t('wishes.console.settings.saved')),
                  onError: (err) => void message.error(errorText(err)),
                },
              )
            }
          >
            {fields.map((name) => (
              <Form.Item
                key={name}
                name={name}
                label={t(`wishes.console.settings.${label[name]}`)}
                extra={t('wishes.console.settings.hint', WISH_SETTING_BOUNDS[name])}
                rules={[{ required: true }, { type: 'integer', ...WISH_SETTING_BOUNDS[name] }]}
              >
                <InputNumber
                  {...WISH_SETTING_BOUNDS[name]}
                  precision={0}
                  suffix={t('wishes.console.settings.unit')}
                  style={{ width: 200 }}
                />
              </Form.Item>
            ))}
            {canEdit && (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('wishes.console.settings.save')}
              </Button>
            )}
          </Form>
        )}
      </SettingsFrame>
    </Space>
  );
}
