import { Button, Form, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** The six-digit SMS code with its send button, which counts down `wait` seconds before a resend. */
export function SmsCodeField({ wait, sending, onSend }: { wait: number; sending: boolean; onSend: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="code"
      label={t('reset.code')}
      rules={[
        { required: true, message: t('volunteer.checks.required') },
        { pattern: /^\d{6}$/, message: t('reset.codeInvalid') },
      ]}
      extra={
        <Button size="small" color="primary" fill="outline" disabled={wait > 0} loading={sending} onClick={onSend}>
          {wait > 0 ? t('reset.resendIn', { seconds: wait }) : t('reset.sendCode')}
        </Button>
      }
    >
      <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
    </Form.Item>
  );
}
