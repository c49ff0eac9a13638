/**
 * 更正信息: staff correct a volunteer's name, ID number, phone or status after checking the
 * person's ID card. Only changed fields are sent; the reason is required (it goes into the audit log).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../shared/text-limits.js';
import { ApiError, errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import { phonePattern } from '../shared/phone.js';
import {
  checkIdNumber,
  PERSON_NAME_MAX,
  personNameRule,
  type VolunteerDetail,
  type VolunteerStatus,
  volunteerStatuses,
} from '../shared/volunteers.js';
import { volunteerChanged } from './volunteers-data.js';

interface CorrectionForm {
  name: string;
  idNumber?: string;
  phone: string;
  status: VolunteerStatus;
  reason: string;
}
const serverFields = ['name', 'idNumber', 'phone', 'status', 'reason'] as const;

export function CorrectVolunteerModal({ volunteer, onClose }: { volunteer: VolunteerDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CorrectionForm>();

  const correct = $api.useMutation('patch', '/api/v1/volunteers/{id}', {
    onSuccess: (data) => {
      void volunteerChanged(queryClient, data);
      void message.success(t('volunteerForms.correction.done'));
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const fields = error.fieldErrors();
      form.setFields(serverFields.filter((f) => fields[f]).map((name) => ({ name, errors: [fields[name] as string] })));
    },
  });
  const fieldErrors = correct.error instanceof ApiError ? correct.error.fieldErrors() : {};
  const hasFieldErrors = serverFields.some((f) => fieldErrors[f]);

  return (
    <Modal
      open
      title={t('volunteerForms.correction.title')}
      okText={t('volunteerForms.correction.submit')}
      okButtonProps={{ loading: correct.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('volunteerForms.correction.intro')}</Typography.Paragraph>
      <Form<CorrectionForm>
        form={form}
        layout="vertical"
        initialValues={{ name: volunteer.name, phone: volunteer.phone, status: volunteer.status, reason: '' }}
        onFinish={(v) => {
          const name = v.name.trim();
          const phone = v.phone.trim();
          correct.mutate({
            params: { path: { id: volunteer.id } },
            body: {
              name: name !== volunteer.name ? name : undefined,
              phone: phone !== volunteer.phone ? phone : undefined,
              idNumber: v.idNumber?.trim() || undefined,
              status: v.status !== volunteer.status ? v.status : undefined,
              reason: v.reason.trim(),
            },
          });
        }}
      >
        <Form.Item
          name="name"
          label={t('volunteer.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('volunteer.checks.required') },
            personNameRule(i18n.language),
          ]}
        >
          <Input maxLength={PERSON_NAME_MAX} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('volunteerForms.correction.idNumber')}
          extra={volunteer.idNumberMasked}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || checkIdNumber(value.trim())?.ok
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('volunteer.checks.idInvalid'))),
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('volunteer.fields.phone')}
          rules={[
            { required: true, message: t('volunteer.checks.required') },
            { pattern: phonePattern, message: t('volunteer.checks.phoneInvalid') },
          ]}
        >
          <Input type="tel" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="status" label={t('volunteer.fields.status')}>
          <Select
            aria-label={t('volunteer.fields.status')}
            options={volunteerStatuses.map((s) => ({ value: s, label: t(`volunteer.statuses.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('volunteerForms.correction.reason')}
          rules={[{ required: true, whitespace: true, message: t('volunteerForms.correction.reasonRequired') }]}
        >
          <Input.TextArea
            maxLength={textLimits.correctionReason}
            placeholder={t('volunteerForms.correction.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      {correct.isError && !hasFieldErrors && <Alert type="error" showIcon title={errorText(correct.error)} />}
    </Modal>
  );
}
