/**
 * 现场登记 (tablet-friendly): a keeper registers a walk-in volunteer in under a minute. Required:
 * name, phone, ID number, consent; the community defaults to the keeper's own. The one-time
 * password is shown once, large, to read out or write down.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  Form,
  Input,
  Radio,
  Result,
  Space,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { textLimits } from '../../shared/text-limits.js';
import { ApiError, errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import type { operations } from '../api/schema.js';
import { type Me, useMe } from '../api/session.js';
import { phonePattern } from '../shared/phone.js';
import {
  ageClassOf,
  checkIdNumber,
  type GuardianRelation,
  guardianRelations,
  PERSON_NAME_MAX,
  personNameRule,
  useRegistrationOptions,
} from '../shared/volunteers.js';
import type { Region } from './data.js';
import { usePageTitle } from './PageState.js';
import { useRegionOptions } from './region-options.js';
import { volunteersChanged } from './volunteers-data.js';

type Registered = operations['registerVolunteerAtDesk']['responses'][201]['content']['application/json'];

interface DeskForm {
  name: string;
  phone: string;
  idNumber: string;
  regionCode?: string;
  consent: boolean;
  skills?: string[];
  address?: string;
  guardian?: { name: string; phone: string; relation: GuardianRelation };
}

const serverFields = ['name', 'phone', 'idNumber', 'regionCode', 'consent', 'skills', 'address'] as const;

/** Volunteers register in a community, not in a subdistrict or the district. */
const onlyCommunities = (r: Region) => r.level === 'community';

/** The keeper's own community when they hold exactly one. */
const ownCommunity = (me: Me | null | undefined) =>
  me?.scope.length === 1 && me.scope[0]?.level === 'community' ? me.scope[0] : null;

export function DeskRegisterPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('console.desk.title'));
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  const own = ownCommunity(me.data);
  const options = useRegistrationOptions();
  const [form] = Form.useForm<DeskForm>();
  const [done, setDone] = useState<Registered | null>(null);
  const idNumber = Form.useWatch('idNumber', form);
  const parsed = checkIdNumber(idNumber?.trim());
  const age = ageClassOf(idNumber, options.data?.ageRules);
  const regions = useRegionOptions(onlyCommunities);

  const register = $api.useMutation('post', '/api/v1/volunteers', {
    onSuccess: (data) => {
      setDone(data);
      form.resetFields();
      void volunteersChanged(queryClient);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const fields = error.fieldErrors();
      form.setFields(serverFields.filter((f) => fields[f]).map((name) => ({ name, errors: [fields[name] as string] })));
    },
  });
  const submit = (v: DeskForm) =>
    register.mutate({
      body: {
        name: v.name.trim(),
        phone: v.phone.trim(),
        idNumber: v.idNumber.trim(),
        regionCode: own ? undefined : v.regionCode,
        consent: true,
        skills: v.skills ?? [],
        address: v.address?.trim() || undefined,
        guardian:
          age === 'minor' && v.guardian
            ? { name: v.guardian.name.trim(), phone: v.guardian.phone.trim(), relation: v.guardian.relation }
            : undefined,
      },
    });
  const hasFieldErrors = register.error instanceof ApiError && register.error.details.length > 0;

  if (done) {
    const copy = async () => {
      await navigator.clipboard?.writeText(done.initialPassword ?? '');
      void message.success(t('console.desk.copied'));
    };
    return (
      <Card className="lf-desk">
        <Result
          status="success"
          title={t('console.desk.doneTitle')}
          subTitle={`${done.volunteer.name} · ${done.volunteer.region.name}`}
          extra={[
            <Button
              key="next"
              type="primary"
              size="large"
              onClick={() => {
                setDone(null);
                register.reset();
              }}
            >
              {t('console.desk.next')}
            </Button>,
            <Button key="list" size="large" onClick={() => navigate('/console/volunteers')}>
              {t('console.desk.toList')}
            </Button>,
          ]}
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <div>
              <Typography.Text type="secondary">{t('console.desk.number')}</Typography.Text>
              <div className="lf-desk-secret" data-testid="volunteer-number">
                {done.volunteer.number}
              </div>
            </div>
            {done.initialPassword ? (
              <div>
                <Typography.Text type="secondary">{t('console.desk.initialPassword')}</Typography.Text>
                <div className="lf-desk-secret">
                  <span data-testid="initial-password">{done.initialPassword}</span>{' '}
                  <Button onClick={copy}>{t('console.desk.copy')}</Button>
                </div>
                <Alert type="warning" showIcon title={t('console.desk.passwordHint')} />
              </div>
            ) : (
              <Alert type="info" showIcon title={t('console.desk.existingAccount')} />
            )}
          </Space>
        </Result>
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="lf-desk">
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('console.desk.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('console.desk.intro')}</Typography.Text>
      </div>
      <Card>
        <Form<DeskForm> form={form} layout="vertical" size="large" onFinish={submit} requiredMark>
          <Form.Item
            name="name"
            label={t('volunteer.fields.name')}
            rules={[
              { required: true, whitespace: true, message: t('volunteer.checks.required') },
              personNameRule(i18n.language),
            ]}
          >
            <Input autoFocus maxLength={PERSON_NAME_MAX} placeholder={t('volunteer.fields.namePlaceholder')} />
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
          <Form.Item
            name="idNumber"
            label={t('volunteer.fields.idNumber')}
            extra={
              parsed?.ok
                ? t('volunteer.derived', {
                    gender: t(`volunteer.genders.${parsed.info.gender}`),
                    birthDate: parsed.info.birthDate,
                  })
                : undefined
            }
            rules={[
              { required: true, message: t('volunteer.checks.required') },
              {
                validator: (_, value: string | undefined) =>
                  !value || checkIdNumber(value.trim())?.ok
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('volunteer.checks.idInvalid'))),
              },
            ]}
          >
            <Input maxLength={18} autoComplete="off" placeholder={t('volunteer.fields.idPlaceholder')} />
          </Form.Item>
          {age === 'child' && options.data && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('volunteerForms.guardian.childHint', options.data.ageRules)}
            />
          )}
          {age === 'minor' && options.data && (
            <Card size="small" title={t('volunteerForms.guardian.title')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary">
                {t('volunteerForms.guardian.minorHint', options.data.ageRules)}
              </Typography.Paragraph>
              <Form.Item
                name={['guardian', 'name']}
                label={t('volunteerForms.guardian.name')}
                rules={[
                  { required: true, whitespace: true, message: t('volunteer.checks.required') },
                  personNameRule(i18n.language),
                ]}
              >
                <Input maxLength={PERSON_NAME_MAX} />
              </Form.Item>
              <Form.Item
                name={['guardian', 'phone']}
                label={t('volunteerForms.guardian.phone')}
                rules={[
                  { required: true, message: t('volunteer.checks.required') },
                  { pattern: phonePattern, message: t('volunteer.checks.phoneInvalid') },
                ]}
              >
                <Input type="tel" inputMode="numeric" maxLength={11} />
              </Form.Item>
              <Form.Item
                name={['guardian', 'relation']}
                label={t('volunteerForms.guardian.relation')}
                rules={[{ required: true, message: t('volunteer.checks.required') }]}
              >
                <Radio.Group
                  options={guardianRelations.map((r) => ({
                    value: r,
                    label: t(`volunteerForms.guardian.relations.${r}`),
                  }))}
                />
              </Form.Item>
            </Card>
          )}
          {own ? (
            <Form.Item label={t('volunteer.fields.community')}>
              <Typography.Text strong>{own.name}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="regionCode"
              label={t('volunteer.fields.community')}
              rules={[{ required: true, message: t('volunteer.fields.communityPlaceholder') }]}
            >
              <TreeSelect<string>
                showSearch
                treeData={regions.options}
                treeNodeFilterProp="title"
                treeDefaultExpandedKeys={regions.roots}
                loading={regions.loading}
                aria-label={t('volunteer.fields.community')}
              />
            </Form.Item>
          )}
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v: boolean) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('volunteer.checks.consentRequired'))),
              },
            ]}
          >
            <Checkbox>{t('console.desk.consent')}</Checkbox>
          </Form.Item>
          <Collapse
            ghost
            items={[
              {
                key: 'more',
                label: t('console.desk.more'),
                forceRender: true,
                children: (
                  <>
                    <Form.Item name="skills" label={t('volunteer.fields.skills')}>
                      <Checkbox.Group
                        options={(options.data?.skills ?? []).map((s) => ({ label: s.name, value: s.code }))}
                      />
                    </Form.Item>
                    <Form.Item name="address" label={t('volunteer.fields.address')}>
                      <Input maxLength={textLimits.volunteerAddress} />
                    </Form.Item>
                  </>
                ),
              },
            ]}
          />
          {register.isError && !hasFieldErrors && (
            <Alert type="error" showIcon title={errorText(register.error)} style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
            {t('console.desk.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
