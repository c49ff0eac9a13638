/**
 * 录入外部资质: staff pick a volunteer of their scope, the qualification, its issuer, number and dates,
 * and upload a scan of the certificate (image or PDF, through the platform's files); the record waits
 * for another staff member to verify it in the queue below.
 */
import { App, Button, Card, Form, Input, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { $api } from '../../api/queries.js';
import { type UploadedFile, uploadFile } from '../../orders/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { fromTenantWallTime } from '../../shared/time.js';
import { useRecordQualification, useSkillQualifications } from './data.js';

interface Values {
  volunteerId: string;
  skillCode: string;
  issuer: string;
  certificateNo?: string;
  /** YYYY-MM-DD, from a date input. */
  issuedAt: string;
  expiresAt?: string;
}

/** A picked calendar day as the instant of its midnight in the tenant's time zone. */
const dayStart = (day: string) => fromTenantWallTime(`${day}T00:00`).toISOString();

export function RecordQualification() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [proof, setProof] = useState<(UploadedFile & { name: string }) | null>(null);
  const [uploading, setUploading] = useState(false);
  // One key per filled-in form: a retried submit answers the same record.
  const [key, setKey] = useState(newIdempotencyKey);
  const volunteers = $api.useQuery('get', '/api/v1/volunteers', {
    params: { query: { limit: 20, status: 'active', ...(q ? { q } : {}) } },
  });
  const skills = useSkillQualifications();
  const record = useRecordQualification();
  const en = i18n.language.startsWith('en');
  const submit = (v: Values) => {
    if (!proof) {
      void message.error(t('academy.external.proofRequired'));
      return;
    }
    record.mutate(
      {
        body: {
          volunteerId: v.volunteerId,
          skillCode: v.skillCode,
          issuer: v.issuer,
          ...(v.certificateNo?.trim() ? { certificateNo: v.certificateNo.trim() } : {}),
          issuedAt: dayStart(v.issuedAt),
          expiresAt: v.expiresAt ? dayStart(v.expiresAt) : null,
          proofFileId: proof.id,
        },
        headers: { 'Idempotency-Key': key },
      },
      {
        onSuccess: () => {
          void message.success(t('academy.external.recorded'));
          form.resetFields();
          setProof(null);
          setKey(newIdempotencyKey());
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  return (
    <Card title={t('academy.external.record')} style={{ maxWidth: 720 }} data-testid="record-qualification">
      <Typography.Paragraph type="secondary">{t('academy.external.recordHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="volunteerId" label={t('academy.external.volunteer')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={volunteers.isFetching}
            placeholder={t('academy.external.searchVolunteer')}
            options={(volunteers.data?.items ?? []).map((v) => ({
              value: v.id,
              label: `${v.name}（${v.number}，${v.phoneMasked}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="skillCode" label={t('academy.external.skill')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={skills.isPending}
            options={(skills.data?.items ?? [])
              .filter((s) => s.qualification && s.active)
              .map((s) => ({ value: s.code, label: en ? s.nameEn : s.name }))}
          />
        </Form.Item>
        <Form.Item name="issuer" label={t('academy.external.issuer')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={textLimits.academyIssuer} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('academy.external.certificateNo')}>
          <Input maxLength={textLimits.academyCertificateNo} />
        </Form.Item>
        <Form.Item name="issuedAt" label={t('academy.external.issuedAt')} rules={[{ required: true }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="expiresAt"
          label={t('academy.external.expiresAt')}
          dependencies={['issuedAt']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                const issued = getFieldValue('issuedAt') as string | undefined;
                return !value || !issued || value > issued
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('academy.external.expiryAfterIssue')));
              },
            }),
          ]}
        >
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('academy.external.proof')} required>
          <Upload
            accept="image/jpeg,image/png,image/webp,application/pdf"
            maxCount={1}
            showUploadList={false}
            customRequest={({ file }) => {
              const f = file as File;
              setUploading(true);
              uploadFile(f, 'attachment')
                .then((stored) => setProof({ ...stored, name: f.name }))
                .catch((e: unknown) => void message.error(errorText(e)))
                .finally(() => setUploading(false));
            }}
          >
            <Button loading={uploading}>
              {uploading ? t('academy.external.uploading') : t('academy.external.upload')}
            </Button>
          </Upload>
          {proof && (
            <Typography.Text style={{ marginLeft: 12 }} data-testid="proof-name">
              ✓ {proof.name}
            </Typography.Text>
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending} disabled={uploading}>
          {t('academy.external.submit')}
        </Button>
      </Form>
    </Card>
  );
}
