/** New activity, or a draft edited: place (site), times, repetition, seats, requirements, sign-up rules. */
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import {
  type ActivitySummary,
  type CreateActivityBody,
  useCreateActivity,
  useUpdateActivity,
} from '../../activities/data.js';
import { errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { useCategories } from '../../orders/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { useOrganisations } from '../../people/data.js';
import { fromTenantWallTime, tenantWallTime } from '../../shared/time.js';
import { useRegistrationOptions } from '../../shared/volunteers.js';
import { useSites } from '../data.js';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
type Repeat = 'none' | 'weekly' | 'daily' | 'monthly';

interface Values {
  title: string;
  description?: string;
  categoryCode: string;
  organisationId: string;
  series?: string;
  siteId: string;
  startsAt: string;
  endsAt: string;
  repeat: Repeat;
  weekdays?: string[];
  until?: string;
  quota: number;
  minAge?: number | null;
  requiredSkills?: string[];
  approvalMode: 'auto' | 'approval';
  signupOpensHours: number;
  cancelDeadlineMinutes: number;
  contactName?: string;
  contactPhone?: string;
}

/** "2026-12-05T09:00" typed in the form is the tenant's time, whatever the browser's zone. */
const toIso = (local: string) => fromTenantWallTime(local).toISOString();
const toLocal = (iso: string) => tenantWallTime(iso);

function toRule(v: Values): string | undefined {
  if (v.repeat === 'none') return undefined;
  // The server expands the rule in the activity's wall time, so UNTIL is the last day's wall-clock end.
  const until = v.until ? `;UNTIL=${v.until.replaceAll('-', '')}T235959Z` : '';
  if (v.repeat === 'weekly') {
    const days = v.weekdays?.length ? `;BYDAY=${v.weekdays.join(',')}` : '';
    return `FREQ=WEEKLY${days}${until}`;
  }
  return `FREQ=${v.repeat.toUpperCase()}${until}`;
}

function fromRule(rule: string | null): Pick<Values, 'repeat' | 'weekdays' | 'until'> {
  if (!rule) return { repeat: 'none' };
  const freq = /FREQ=(\w+)/.exec(rule)?.[1]?.toLowerCase();
  const days = /BYDAY=([A-Z,]+)/.exec(rule)?.[1]?.split(',');
  const until = /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(rule);
  return {
    repeat: (['weekly', 'daily', 'monthly'].includes(freq ?? '') ? freq : 'none') as Repeat,
    weekdays: days,
    until: until ? `${until[1]}-${until[2]}-${until[3]}` : undefined,
  };
}

export function ActivityFormModal({
  editing,
  onClose,
}: {
  editing: ActivitySummary | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const organisations = useOrganisations({});
  const sites = useSites({});
  const options = useRegistrationOptions();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const key = useRef(newIdempotencyKey());
  const en = currentLanguage() === 'en';
  const repeat = Form.useWatch('repeat', form);
  const siteOptions = useMemo(
    () => (sites.data?.pages.flatMap((p) => p.items) ?? []).map((s) => ({ value: s.id, label: s.name })),
    [sites.data],
  );
  const orgOptions = useMemo(
    () => (organisations.data?.pages.flatMap((p) => p.items) ?? []).map((o) => ({ value: o.id, label: o.name })),
    [organisations.data],
  );

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    key.current = newIdempotencyKey();
    if (editing !== 'new') {
      form.setFieldsValue({
        title: editing.title,
        description: editing.description,
        categoryCode: editing.category.code,
        organisationId: editing.organisation.id,
        series: editing.series ?? undefined,
        siteId: editing.site?.id,
        startsAt: toLocal(editing.startsAt),
        endsAt: toLocal(editing.endsAt),
        ...fromRule(editing.rrule),
        quota: editing.quota,
        minAge: editing.minAge,
        requiredSkills: editing.requiredSkills.map((s) => s.code),
        approvalMode: editing.approvalMode,
        signupOpensHours: editing.signupOpensHours,
        cancelDeadlineMinutes: editing.cancelDeadlineMinutes,
        contactName: editing.contactName ?? undefined,
        contactPhone: editing.contactPhone ?? undefined,
      });
    }
  }, [editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body: CreateActivityBody = {
      title: v.title,
      description: v.description ?? '',
      categoryCode: v.categoryCode,
      organisationId: v.organisationId,
      series: v.series || undefined,
      siteId: v.siteId,
      startsAt: toIso(v.startsAt),
      endsAt: toIso(v.endsAt),
      rrule: toRule(v),
      quota: v.quota,
      minAge: v.minAge ?? undefined,
      requiredSkills: v.requiredSkills ?? [],
      approvalMode: v.approvalMode,
      signupOpensHours: v.signupOpensHours,
      signupClosesMinutes: 0,
      cancelDeadlineMinutes: v.cancelDeadlineMinutes,
      contactName: v.contactName || undefined,
      contactPhone: v.contactPhone || undefined,
    };
    try {
      if (editing === 'new') await create.mutateAsync({ body, headers: { 'Idempotency-Key': key.current } });
      else if (editing) {
        const { organisationId: _o, ...rest } = body;
        await update.mutateAsync({
          params: { path: { id: editing.id } },
          body: { ...rest, rrule: rest.rrule ?? null, minAge: v.minAge ?? null, series: v.series || null },
        });
      }
      void message.success(t('activities.console.saved'));
      onClose();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('activities.console.create') : t('activities.console.edit')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending || update.isPending}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          repeat: 'none',
          quota: 10,
          approvalMode: 'auto',
          signupOpensHours: 336,
          cancelDeadlineMinutes: 120,
        }}
      >
        <Form.Item name="title" label={t('activities.fields.title')} rules={[{ required: true }]}>
          <Input maxLength={textLimits.activityTitle} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="categoryCode" label={t('activities.fields.category')} rules={[{ required: true }]}>
              <Select
                options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="series" label={t('activities.fields.series')}>
              <Input placeholder="蓝色周六" maxLength={textLimits.activitySeries} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="organisationId" label={t('activities.fields.organisation')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('activities.console.orgPlaceholder')}
                options={orgOptions}
                disabled={editing !== 'new'}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="siteId" label={t('activities.fields.site')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('activities.console.sitePlaceholder')}
                options={siteOptions}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startsAt" label={t('activities.fields.startsAt')} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endsAt" label={t('activities.fields.endsAt')} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="repeat" label={t('activities.fields.rrule')}>
              <Select
                options={(['none', 'weekly', 'daily', 'monthly'] as const).map((r) => ({
                  value: r,
                  label: t(`activities.repeat.${r}`),
                }))}
              />
            </Form.Item>
          </Col>
          {repeat === 'weekly' && (
            <Col span={16}>
              <Form.Item name="weekdays" label=" ">
                <Checkbox.Group
                  options={BYDAY.map((d, i) => ({
                    value: d,
                    label: t(`activities.weekdays.${i}` as 'activities.weekdays.0'),
                  }))}
                />
              </Form.Item>
            </Col>
          )}
          {repeat && repeat !== 'none' && (
            <Col span={8}>
              <Form.Item name="until" label="≤">
                <Input type="date" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="quota" label={t('activities.fields.quota')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="minAge" label={t('activities.fields.minAge')}>
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="requiredSkills" label={t('activities.fields.skills')}>
              <Select
                mode="multiple"
                options={(options.data?.skills ?? []).map((s) => ({ value: s.code, label: s.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="approvalMode" label={t('activities.fields.approvalMode')}>
              <Select
                options={(['auto', 'approval'] as const).map((m) => ({
                  value: m,
                  label: t(`activities.approvalModes.${m}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="signupOpensHours" label={t('activities.fields.signupOpensHours')}>
              <InputNumber min={0} max={8784} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cancelDeadlineMinutes" label={t('activities.fields.cancelDeadlineMinutes')}>
              <InputNumber min={0} max={43200} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('activities.fields.description')}>
          <Input.TextArea rows={3} maxLength={textLimits.activityDescription} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="contactName" label={t('activities.fields.contact')}>
              <Input maxLength={textLimits.activityContactName} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={t('activities.fields.contactPhone')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
