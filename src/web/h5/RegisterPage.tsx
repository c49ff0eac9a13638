/**
 * 注册志愿者. `/register` (public): a new account with phone, a code sent to it, and a password,
 * then the profile. Asking for the code answers the same whether or not the phone is registered
 * (a registered phone is told so by SMS, not here).
 * `/h5/mine/volunteer/apply` (signed in): the same form without phone and password.
 * Required: name, ID number (checked here as the server does), community, consent; the rest is optional.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, NavBar, Selector } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import { refreshMine } from '../api/session.js';
import { FullPageError, FullPageLoading } from '../app/states.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { phonePattern } from '../shared/phone.js';
import { SmsCodeField } from '../shared/SmsCodeField.js';
import {
  ageClassOf,
  checkIdNumber,
  type GuardianRelation,
  guardianRelations,
  PERSON_NAME_MAX,
  personNameRule,
  type RegistrationOptions,
  useRegistrationOptions,
} from '../shared/volunteers.js';
import { CommunityPicker } from './CommunityPicker.js';
import './h5.css';
import { textLimits } from '../../shared/text-limits.js';
import { LimitedTextArea } from '../shared/LimitedTextArea.js';
import { showToast } from '../shared/toast.js';

interface RegisterForm {
  name: string;
  phone?: string;
  code?: string;
  password?: string;
  idNumber: string;
  community: string;
  skills?: string[];
  intro?: string;
  consent: boolean;
  guardianName?: string;
  guardianPhone?: string;
  guardianRelation?: GuardianRelation[];
}

const formFields = [
  'name',
  'phone',
  'code',
  'password',
  'idNumber',
  'regionCode',
  'consent',
  'skills',
  'intro',
] as const;

/** The public page, outside the signed-in H5 app. */
export function RegisterPage() {
  return (
    <MobileProviders>
      <div className="lf-h5">
        <RegisterVolunteer mode="new" />
      </div>
    </MobileProviders>
  );
}

export function RegisterVolunteer({ mode }: { mode: 'new' | 'existing' }) {
  const { t } = useTranslation();
  const options = useRegistrationOptions();
  useEffect(() => {
    document.title = `${t(mode === 'new' ? 'register.title' : 'register.apply')} · ${t('app.name')}`;
  }, [t, mode]);
  if (options.isPending) return <FullPageLoading />;
  if (options.isError) return <FullPageError error={options.error} onRetry={() => options.refetch()} />;
  return <RegisterFormView mode={mode} options={options.data} />;
}

function RegisterFormView({ mode, options }: { mode: 'new' | 'existing'; options: RegistrationOptions }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegisterForm>();
  const [wait, setWait] = useState(0);
  const [idNumber, setIdNumber] = useState('');
  const age = ageClassOf(idNumber, options.ageRules);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const send = $api.useMutation('post', '/api/v1/volunteer-registrations/code', {
    onSuccess: (sent) => {
      setWait(sent.resendAfterSeconds);
      void showToast({ content: t('register.codeSent', { phone: sent.sentTo }) });
    },
  });
  const requestCode = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      send.mutate({ body: { phone: (phone ?? '').trim() } });
    } catch {
      // The phone field shows what is wrong.
    }
  };
  const submitted = {
    onSuccess: async () => {
      void showToast({ icon: 'success', content: t('register.success') });
      await refreshMine(queryClient);
      navigate('/h5/mine/volunteer', { replace: true });
    },
    onError: (error: unknown) => {
      if (!(error instanceof ApiError)) return;
      const fields = error.fieldErrors();
      const known = formFields.filter((f) => fields[f]);
      form.setFields(
        known.map((name) => ({
          name: name === 'regionCode' ? 'community' : name,
          errors: [fields[name] as string],
        })),
      );
    },
  };
  const signUp = $api.useMutation('post', '/api/v1/volunteer-registrations', submitted);
  const apply = $api.useMutation('post', '/api/v1/me/volunteer', submitted);
  const submit = mode === 'new' ? signUp : apply;
  const onFinish = (v: RegisterForm) => {
    const common = {
      name: v.name.trim(),
      idNumber: v.idNumber.trim(),
      regionCode: v.community,
      consent: true as const,
      consentVersion: options.consentVersion,
      skills: v.skills ?? [],
      intro: v.intro?.trim() || undefined,
      guardian:
        age === 'minor'
          ? {
              name: (v.guardianName ?? '').trim(),
              phone: (v.guardianPhone ?? '').trim(),
              relation: v.guardianRelation?.[0] ?? 'other',
            }
          : undefined,
    };
    if (mode === 'existing') return apply.mutate({ body: common });
    signUp.mutate({
      body: { ...common, phone: (v.phone ?? '').trim(), code: (v.code ?? '').trim(), password: v.password ?? '' },
    });
  };
  const hasFieldErrors = submit.error instanceof ApiError && submit.error.details.length > 0;

  return (
    <>
      <NavBar className="lf-h5-navbar" onBack={() => (mode === 'new' ? navigate('/login') : navigate('/h5/mine'))}>
        {t(mode === 'new' ? 'register.title' : 'register.apply')}
      </NavBar>
      <main className="lf-h5-page">
        <p className="lf-h5-hint">{t('register.intro')}</p>
        <Form
          form={form}
          layout="vertical"
          mode="card"
          onFinish={onFinish}
          onValuesChange={(changed: Partial<RegisterForm>) => {
            if (changed.idNumber !== undefined) setIdNumber(changed.idNumber);
          }}
          footer={
            <>
              {(submit.isError && !hasFieldErrors) || send.isError ? (
                <div className="lf-h5-error" role="alert">
                  {errorText(submit.isError ? submit.error : send.error)}
                </div>
              ) : null}
              <Button block type="submit" color="primary" size="large" loading={submit.isPending}>
                {t(mode === 'new' ? 'register.submit' : 'register.applySubmit')}
              </Button>
              {mode === 'new' && (
                <p className="lf-h5-hint lf-h5-center">
                  <Link to="/login">{t('register.haveAccount')}</Link>
                </p>
              )}
            </>
          }
        >
          <Form.Item
            name="name"
            label={t('volunteer.fields.name')}
            rules={[
              { required: true, whitespace: true, message: t('volunteer.checks.required') },
              personNameRule(i18n.language),
            ]}
          >
            <Input
              autoComplete="name"
              maxLength={PERSON_NAME_MAX}
              clearable
              placeholder={t('volunteer.fields.namePlaceholder')}
            />
          </Form.Item>
          {mode === 'new' && (
            <>
              <Form.Item
                name="phone"
                label={t('volunteer.fields.phone')}
                rules={[
                  { required: true, message: t('volunteer.checks.required') },
                  { pattern: phonePattern, message: t('volunteer.checks.phoneInvalid') },
                ]}
              >
                <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} clearable />
              </Form.Item>
              <SmsCodeField wait={wait} sending={send.isPending} onSend={requestCode} />
              <Form.Item
                name="password"
                label={t('volunteer.fields.password')}
                rules={[
                  { required: true, message: t('volunteer.checks.required') },
                  { min: 8, message: t('h5.password.tooShort') },
                  { pattern: /[A-Za-z]/, message: t('h5.password.needLetter') },
                  { pattern: /\d/, message: t('h5.password.needDigit') },
                ]}
              >
                <Input
                  type="password"
                  autoComplete="new-password"
                  placeholder={t('volunteer.fields.passwordPlaceholder')}
                />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="idNumber"
            label={t('volunteer.fields.idNumber')}
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
            <Input maxLength={18} clearable autoComplete="off" placeholder={t('volunteer.fields.idPlaceholder')} />
          </Form.Item>
          {age === 'child' && (
            <Form.Header>
              <span className="lf-h5-error" role="alert">
                {t('volunteerForms.guardian.childHint', options.ageRules)}
              </span>
            </Form.Header>
          )}
          {age === 'minor' && (
            <>
              <Form.Header>{t('volunteerForms.guardian.minorHint', options.ageRules)}</Form.Header>
              <Form.Item
                name="guardianName"
                label={t('volunteerForms.guardian.name')}
                rules={[{ required: true, message: t('volunteer.checks.required') }, personNameRule(i18n.language)]}
              >
                <Input maxLength={PERSON_NAME_MAX} clearable />
              </Form.Item>
              <Form.Item
                name="guardianPhone"
                label={t('volunteerForms.guardian.phone')}
                rules={[
                  { required: true, message: t('volunteer.checks.required') },
                  { pattern: phonePattern, message: t('volunteer.checks.phoneInvalid') },
                ]}
              >
                <Input type="tel" inputMode="numeric" maxLength={11} clearable />
              </Form.Item>
              <Form.Item
                name="guardianRelation"
                label={t('volunteerForms.guardian.relation')}
                rules={[{ required: true, message: t('volunteer.checks.required') }]}
              >
                <Selector
                  options={guardianRelations.map((r) => ({
                    value: r,
                    label: t(`volunteerForms.guardian.relations.${r}`),
                  }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="community"
            label={t('volunteer.fields.community')}
            rules={[{ required: true, message: t('volunteer.fields.communityPlaceholder') }]}
          >
            <CommunityPicker communities={options.communities} />
          </Form.Item>
          <Form.Header>{t('register.optional')}</Form.Header>
          <Form.Item name="skills" label={t('volunteer.fields.skills')}>
            <Selector multiple columns={3} options={options.skills.map((s) => ({ label: s.name, value: s.code }))} />
          </Form.Item>
          <Form.Item name="intro" label={t('volunteer.fields.intro')}>
            <LimitedTextArea
              limit={textLimits.volunteerIntro}
              rows={3}
              placeholder={t('volunteer.fields.introPlaceholder')}
            />
          </Form.Item>
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
            <Checkbox>{t('volunteer.fields.consent')}</Checkbox>
          </Form.Item>
        </Form>
      </main>
    </>
  );
}
