/**
 * /reset-password: a code by SMS, then a new password. For a forgotten password, and for volunteers
 * a station imported in bulk, who have no password until they set one here.
 */
import { Button, Form, Input, NavBar, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { phonePattern } from '../shared/phone.js';
import { SmsCodeField } from '../shared/SmsCodeField.js';
import '../h5/h5.css';

interface ResetForm {
  phone: string;
  code: string;
  newPassword: string;
}

export function ResetPasswordPage() {
  return (
    <MobileProviders>
      <div className="lf-h5">
        <Reset />
      </div>
    </MobileProviders>
  );
}

function Reset() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ResetForm>();
  const [wait, setWait] = useState(0);
  useEffect(() => {
    document.title = `${t('reset.title')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const send = $api.useMutation('post', '/api/v1/auth/password-reset', {
    onSuccess: () => {
      setWait(60);
      Toast.show({ content: t('reset.sent') });
    },
  });
  const confirm = $api.useMutation('post', '/api/v1/auth/password-reset/confirm', {
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('reset.done') });
      navigate('/login', { replace: true });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const fields = error.fieldErrors();
      const known = (['phone', 'code', 'newPassword'] as const).filter((f) => fields[f]);
      form.setFields(known.map((name) => ({ name, errors: [fields[name] as string] })));
    },
  });
  const requestCode = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      send.mutate({ body: { phone: phone.trim() } });
    } catch {
      // The phone field shows what is wrong.
    }
  };
  const hasFieldErrors = confirm.error instanceof ApiError && confirm.error.details.length > 0;

  return (
    <>
      <NavBar className="lf-h5-navbar" onBack={() => navigate('/login')}>
        {t('reset.title')}
      </NavBar>
      <main className="lf-h5-page">
        <p className="lf-h5-hint">{t('reset.intro')}</p>
        <Form
          form={form}
          layout="vertical"
          mode="card"
          onFinish={(v: ResetForm) =>
            confirm.mutate({ body: { phone: v.phone.trim(), code: v.code.trim(), newPassword: v.newPassword } })
          }
          footer={
            <>
              {(confirm.isError && !hasFieldErrors) || send.isError ? (
                <div className="lf-h5-error" role="alert">
                  {errorText(confirm.error ?? send.error)}
                </div>
              ) : null}
              <Button block type="submit" color="primary" size="large" loading={confirm.isPending}>
                {t('reset.submit')}
              </Button>
            </>
          }
        >
          <Form.Item
            name="phone"
            label={t('auth.phone')}
            rules={[
              { required: true, message: t('auth.phoneRequired') },
              { pattern: phonePattern, message: t('auth.phoneInvalid') },
            ]}
          >
            <Input type="tel" inputMode="numeric" autoComplete="username" maxLength={11} clearable />
          </Form.Item>
          <SmsCodeField wait={wait} sending={send.isPending} onSend={requestCode} />
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
        </Form>
      </main>
    </>
  );
}
