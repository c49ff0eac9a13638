import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, NavBar, Toast } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import { meKey } from '../api/session.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 修改密码: the same rules as the server, and the server's own field messages when it disagrees. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const queryClient = useQueryClient();
  const change = $api.useMutation('post', '/api/v1/auth/password', {
    onSuccess: async () => {
      form.resetFields();
      // mustChangePassword is cleared now; the app stops sending the user here.
      await queryClient.invalidateQueries({ queryKey: meKey });
      Toast.show({ icon: 'success', content: t('h5.password.success') });
      navigate('/h5/mine');
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const fields = error.fieldErrors();
      const known = (['currentPassword', 'newPassword'] as const).filter((f) => fields[f]);
      form.setFields(known.map((name) => ({ name, errors: [fields[name] as string] })));
    },
  });
  useEffect(() => {
    document.title = `${t('h5.password.title')} · ${t('app.name')}`;
  }, [t]);
  const hasFieldErrors = change.error instanceof ApiError && change.error.details.length > 0;

  return (
    <div className="lf-h5">
      <NavBar onBack={() => navigate('/h5/mine')} className="lf-h5-navbar">
        {t('h5.password.title')}
      </NavBar>
      <main className="lf-h5-page">
        <Form
          form={form}
          layout="vertical"
          mode="card"
          onFinish={(v: PasswordForm) =>
            change.mutate({ body: { currentPassword: v.currentPassword, newPassword: v.newPassword } })
          }
          footer={
            <>
              {change.isError && !hasFieldErrors && (
                <div className="lf-h5-error" role="alert">
                  {errorText(change.error)}
                </div>
              )}
              <Button block type="submit" color="primary" size="large" loading={change.isPending}>
                {t('h5.password.submit')}
              </Button>
            </>
          }
        >
          <Form.Item
            name="currentPassword"
            label={t('h5.password.current')}
            rules={[{ required: true, message: t('h5.password.required') }]}
          >
            <Input type="password" autoComplete="current-password" placeholder={t('h5.password.currentPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('h5.password.new')}
            rules={[
              { required: true, message: t('h5.password.required') },
              { min: 8, message: t('h5.password.tooShort') },
              { pattern: /[A-Za-z]/, message: t('h5.password.needLetter') },
              { pattern: /\d/, message: t('h5.password.needDigit') },
            ]}
          >
            <Input type="password" autoComplete="new-password" placeholder={t('h5.password.newPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('h5.password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('h5.password.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('h5.password.mismatch'))),
              }),
            ]}
          >
            <Input type="password" autoComplete="new-password" placeholder={t('h5.password.confirmPlaceholder')} />
          </Form.Item>
        </Form>
      </main>
    </div>
  );
}
