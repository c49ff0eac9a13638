/** 更换手机号: a code goes to the new number; entering it moves the sign-in phone there. */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, NavBar, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import { refreshMine } from '../api/session.js';
import { phonePattern } from '../shared/phone.js';

interface PhoneForm {
  newPhone: string;
  code: string;
}

export function ChangePhonePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PhoneForm>();
  const [requestId, setRequestId] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('changePhone.title')} · ${t('app.name')}`;
  }, [t]);
  const showFieldErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    const fields = error.fieldErrors();
    const known = (['newPhone', 'code'] as const).filter((f) => fields[f]);
    form.setFields(known.map((name) => ({ name, errors: [fields[name] as string] })));
  };
  const send = $api.useMutation('post', '/api/v1/me/volunteer/phone-change', {
    onSuccess: (data) => {
      setRequestId(data.requestId);
      Toast.show({ content: t('changePhone.sent') });
    },
    onError: showFieldErrors,
  });
  const confirm = $api.useMutation('post', '/api/v1/me/volunteer/phone-change/confirm', {
    onSuccess: async () => {
      await refreshMine(queryClient);
      Toast.show({ icon: 'success', content: t('changePhone.done') });
      navigate('/h5/mine/volunteer', { replace: true });
    },
    onError: showFieldErrors,
  });
  const error = confirm.error ?? send.error;
  const generalError = error && !(error instanceof ApiError && error.details.length > 0);

  return (
    <div className="lf-h5">
      <NavBar className="lf-h5-navbar" onBack={() => navigate('/h5/mine/volunteer')}>
        {t('changePhone.title')}
      </NavBar>
      <main className="lf-h5-page">
        <Form
          form={form}
          layout="vertical"
          mode="card"
          onFinish={(v: PhoneForm) =>
            requestId
              ? confirm.mutate({ body: { requestId, code: v.code.trim() } })
              : send.mutate({ body: { newPhone: v.newPhone.trim() } })
          }
          footer={
            <>
              {generalError && (
                <div className="lf-h5-error" role="alert">
                  {errorText(error)}
                </div>
              )}
              <Button block type="submit" color="primary" size="large" loading={send.isPending || confirm.isPending}>
                {requestId ? t('changePhone.confirm') : t('reset.sendCode')}
              </Button>
            </>
          }
        >
          <Form.Item
            name="newPhone"
            label={t('changePhone.newPhone')}
            rules={[
              { required: true, message: t('auth.phoneRequired') },
              { pattern: phonePattern, message: t('auth.phoneInvalid') },
            ]}
          >
            <Input type="tel" inputMode="numeric" maxLength={11} disabled={Boolean(requestId)} clearable />
          </Form.Item>
          {requestId && (
            <Form.Item
              name="code"
              label={t('reset.code')}
              rules={[
                { required: true, message: t('volunteer.checks.required') },
                { pattern: /^\d{6}$/, message: t('reset.codeInvalid') },
              ]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
          )}
        </Form>
      </main>
    </div>
  );
}
