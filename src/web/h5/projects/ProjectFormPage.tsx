/**
 * Drafting a project for a call, or revising a draft or a returned one: 保存草稿 keeps it, 提交申报 saves
 * and submits. What the call requires is marked; the server's refusals (closed, ineligible, incomplete)
 * come back as the page's error and on the fields they name.
 */
import { Button, Form, Input, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import {
  categories,
  type ProjectDetail,
  useBrands,
  useCall,
  useProject,
  useProjectStep,
  useSaveProject,
} from '../../projects/data.js';
import { LimitedTextArea } from '../../shared/LimitedTextArea.js';
import { formatShortDateTime } from '../../shared/time.js';
import { useCommunities } from '../orders/communities.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';

interface Values {
  name?: string;
  category?: string[];
  brandId?: string[];
  seriesId?: string[];
  objectives?: string;
  beneficiaries?: string;
  contactName?: string;
  contactPhone?: string;
  regionsServed?: string[];
  plan?: string;
  budget?: string;
  expectedOutputs?: string;
}

/** The form's field for an API field a refusal names. */
const formField: Record<string, keyof Values> = { budgetFen: 'budget' };
/** The form's field for each field a call may require. */
const requiredField: Record<string, keyof Values> = { brand: 'brandId', budget: 'budget' };

function initialValues(p: ProjectDetail | undefined, contact: { name?: string; phone?: string }): Values {
  if (!p) return { category: ['community'], contactName: contact.name, contactPhone: contact.phone };
  return {
    name: p.name,
    objectives: p.objectives,
    beneficiaries: p.beneficiaries,
    plan: p.plan,
    expectedOutputs: p.expectedOutputs,
    contactName: p.contactName,
    contactPhone: p.contactPhone ?? undefined,
    category: [p.category],
    brandId: p.brand ? [p.brand.id] : [],
    seriesId: p.series ? [p.series.id] : [],
    regionsServed: p.regionsServed.map((r) => r.code),
    budget: p.budgetFen === null ? '' : String(p.budgetFen / 100),
  };
}

export function ProjectFormPage() {
  const { id } = useParams();
  const project = useProject(id ?? null);
  const me = useMe();
  if (id && project.isPending) return <H5Loading />;
  if (project.isError) return <H5Error error={project.error} onRetry={() => project.refetch()} />;
  return (
    <ProjectForm
      project={project.data}
      initial={initialValues(project.data, { name: me.data?.displayName, phone: me.data?.phone ?? undefined })}
    />
  );
}

function ProjectForm({ project, initial }: { project?: ProjectDetail; initial: Values }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orgId = project?.organisation.id ?? params.get('org') ?? '';
  const callQuery = useCall(project?.call.id ?? params.get('call'));
  const brands = useBrands();
  const { query: regions } = useCommunities();
  const save = useSaveProject();
  const step = useProjectStep();
  const [form] = Form.useForm<Values>();
  const [savedId, setSavedId] = useState(project?.id);
  const [error, setError] = useState<string | null>(null);
  const brandId = Form.useWatch('brandId', form)?.[0];
  const series = brands.data?.items.find((b) => b.id === brandId)?.series ?? [];
  const subdistricts = (regions.data?.items ?? []).filter((r) => r.level === 'subdistrict');
  const c = callQuery.data;
  const required = new Set((c?.requiredFields ?? []).map((f) => requiredField[f] ?? f));

  const body = (v: Values) => {
    const budget = Number.parseFloat(v.budget ?? '');
    return {
      name: (v.name ?? '').trim(),
      category: (v.category?.[0] ?? 'other') as (typeof categories)[number],
      brandId: v.brandId?.[0] ?? null,
      seriesId: v.brandId?.[0] ? (v.seriesId?.[0] ?? null) : null,
      objectives: v.objectives?.trim() ?? '',
      beneficiaries: v.beneficiaries?.trim() ?? '',
      contactName: (v.contactName ?? '').trim(),
      contactPhone: (v.contactPhone ?? '').trim(),
      regionsServed: v.regionsServed ?? [],
      plan: v.plan?.trim() ?? '',
      budgetFen: Number.isFinite(budget) && budget >= 0 ? Math.round(budget * 100) : null,
      expectedOutputs: v.expectedOutputs?.trim() ?? '',
    };
  };

  const showError = (err: unknown) => {
    const fields = err instanceof ApiError ? err.fieldErrors() : {};
    form.setFields(
      Object.entries(fields).map(([name, errors]) => ({ name: formField[name] ?? name, errors: [errors] })),
    );
    setError(errorText(err));
  };

  const persist = async (): Promise<string | null> => {
    setError(null);
    const v = await form.validateFields().catch(() => null);
    if (!v) return null;
    try {
      const saved = savedId
        ? await save.mutateAsync({ id: savedId, body: body(v) })
        : await save.mutateAsync({ body: { ...body(v), callId: c?.id ?? '', organisationId: orgId } });
      setSavedId(saved.id);
      return saved.id;
    } catch (err) {
      showError(err);
      return null;
    }
  };

  const saveDraft = async () => {
    const saved = await persist();
    if (saved) Toast.show({ icon: 'success', content: t('projects.apply.saved') });
  };
  const submit = async () => {
    const saved = await persist();
    if (!saved) return;
    step.mutate(
      { id: saved, step: 'submit' },
      {
        onSuccess: () => {
          Toast.show({ icon: 'success', content: t('projects.apply.submitted') });
          navigate(`/h5/projects/${saved}`, { replace: true });
        },
        onError: showError,
      },
    );
  };

  const label = (k: keyof Values, text: string) => ({ name: k, label: text, required: required.has(k) });
  const busy = save.isPending || step.isPending;
  return (
    <SubPage
      title={project ? t('projects.apply.editTitle') : t('projects.apply.newTitle')}
      back={project ? `/h5/projects/${project.id}` : `/h5/projects?org=${orgId}`}
    >
      {callQuery.isError && <H5Error error={callQuery.error} onRetry={() => callQuery.refetch()} />}
      {c && (
        <section className="lf-h5-block">
          <h1 className="lf-h5-heading">{c.title}</h1>
          <p className="lf-h5-note">{t('projects.apply.deadline', { at: formatShortDateTime(c.closesAt) })}</p>
          {!c.open && <p className="lf-h5-error">{t('projects.apply.closed')}</p>}
          {c.requiredFields.length > 0 && (
            <p className="lf-h5-note">
              {t('projects.apply.requiredFields', {
                fields: c.requiredFields.map((f) => t(`projects.optional.${f}`)).join('、'),
              })}
            </p>
          )}
          {c.requiredAttachments.length > 0 && (
            <p className="lf-h5-note">{t('projects.apply.attachments', { names: c.requiredAttachments.join('、') })}</p>
          )}
        </section>
      )}
      <Form
        form={form}
        layout="vertical"
        mode="card"
        initialValues={initial}
        footer={
          <>
            {error && (
              <div className="lf-h5-error" role="alert">
                {error}
              </div>
            )}
            <Button block color="primary" size="large" loading={step.isPending} disabled={busy} onClick={submit}>
              {project?.state === 'returned' ? t('projects.apply.resubmit') : t('projects.apply.submit')}
            </Button>
            <Button
              block
              size="large"
              loading={save.isPending}
              disabled={busy}
              onClick={saveDraft}
              style={{ marginTop: 12 }}
            >
              {t('projects.apply.saveDraft')}
            </Button>
          </>
        }
      >
        <Form.Item
          {...label('name', t('projects.fields.name'))}
          required
          rules={[{ required: true, message: t('projects.apply.required', { field: t('projects.fields.name') }) }]}
        >
          <Input maxLength={textLimits.projectName} clearable />
        </Form.Item>
        <Form.Item {...label('category', t('projects.fields.category'))}>
          <Selector columns={3} options={categories.map((k) => ({ value: k, label: t(`projects.categories.${k}`) }))} />
        </Form.Item>
        <Form.Item {...label('brandId', t('projects.fields.brand'))}>
          <Selector columns={2} options={(brands.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        {series.length > 0 && (
          <Form.Item {...label('seriesId', t('projects.fields.series'))}>
            <Selector columns={2} options={series.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item {...label('objectives', t('projects.fields.objectives'))}>
          <LimitedTextArea limit={textLimits.projectSummary} rows={3} />
        </Form.Item>
        <Form.Item {...label('beneficiaries', t('projects.fields.beneficiaries'))}>
          <LimitedTextArea limit={textLimits.projectSummary} rows={2} />
        </Form.Item>
        <Form.Item {...label('regionsServed', t('projects.fields.regionsServed'))}>
          <Selector multiple columns={3} options={subdistricts.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item {...label('plan', t('projects.fields.plan'))}>
          <LimitedTextArea limit={textLimits.projectPlan} rows={4} />
        </Form.Item>
        <Form.Item {...label('budget', t('projects.fields.budget'))}>
          <Input type="number" inputMode="decimal" min={0} />
        </Form.Item>
        <Form.Item {...label('expectedOutputs', t('projects.fields.expectedOutputs'))}>
          <LimitedTextArea limit={textLimits.projectSummary} rows={3} />
        </Form.Item>
        <Form.Item
          {...label('contactName', t('projects.fields.contactName'))}
          required
          rules={[
            { required: true, message: t('projects.apply.required', { field: t('projects.fields.contactName') }) },
          ]}
        >
          <Input maxLength={textLimits.projectContactName} clearable />
        </Form.Item>
        <Form.Item
          {...label('contactPhone', t('projects.fields.contactPhone'))}
          required
          rules={[
            { required: true, message: t('projects.apply.required', { field: t('projects.fields.contactPhone') }) },
          ]}
        >
          <Input type="tel" maxLength={11} clearable />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
