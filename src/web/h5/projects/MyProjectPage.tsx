/** One of the organisation's projects: where it stands, the review history with comments, and edit / submit when it may. */
import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../api/errors.js';
import { pick, useProject, useProjectStep, yuan } from '../../projects/data.js';
import { ResultFigures } from '../../projects/ResultFigures.js';
import { ReviewHistory } from '../../projects/ReviewHistory.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';

export function MyProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const project = useProject(id);
  const step = useProjectStep();
  const p = project.data;
  const submit = () =>
    step.mutate(
      { id, step: 'submit' },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('projects.apply.submitted') }),
        onError: (e) => void Dialog.alert({ content: errorText(e) }),
      },
    );
  return (
    <SubPage
      title={p?.name ?? t('projects.apply.title')}
      back={p ? `/h5/projects?org=${p.organisation.id}` : '/h5/teams'}
    >
      {project.isPending && <H5Loading />}
      {project.isError && <H5Error error={project.error} onRetry={() => project.refetch()} />}
      {p && (
        <>
          <section className="lf-h5-team-head">
            <h1>{p.name}</h1>
            <div>
              <Tag color={p.state === 'returned' ? 'warning' : 'primary'} data-testid="project-state">
                {pick(p.stateLabel)}
              </Tag>{' '}
              <Tag fill="outline">{t(`projects.categories.${p.category}`)}</Tag>
            </div>
            {p.reviewRegion && (
              <p className="lf-h5-note">{t('projects.apply.reviewing', { region: p.reviewRegion.name })}</p>
            )}
          </section>
          <List mode="card">
            <List.Item extra={p.call.title}>{t('projects.fields.call')}</List.Item>
            <List.Item extra={p.organisation.name}>{t('projects.fields.organisation')}</List.Item>
            {p.brand && (
              <List.Item extra={`${p.brand.name}${p.series ? ` · ${p.series.name}` : ''}`}>
                {t('projects.fields.brand')}
              </List.Item>
            )}
            <List.Item
              extra={p.budgetFen === null ? '—' : t('projects.apply.budgetValue', { yuan: yuan(p.budgetFen) })}
            >
              {t('projects.fields.budget')}
            </List.Item>
          </List>
          <List header={t('projects.apply.reviews')} mode="card">
            <List.Item>
              <ReviewHistory project={p} />
            </List.Item>
          </List>
          {(p.state === 'approved' || p.state === 'concluded') && (
            <List header={t('projects.results.title')} mode="card">
              <List.Item>
                <ResultFigures results={p.results} />
              </List.Item>
            </List>
          )}
          <div className="lf-h5-block">
            {(p.actions.submit || p.actions.resubmit) && (
              <Button block color="primary" size="large" loading={step.isPending} onClick={submit}>
                {p.actions.resubmit ? t('projects.apply.resubmit') : t('projects.apply.submit')}
              </Button>
            )}
            {p.actions.edit && (
              <Button
                block
                size="large"
                style={{ marginTop: 12 }}
                onClick={() => navigate(`/h5/projects/${p.id}/edit`)}
              >
                {t('projects.apply.edit')}
              </Button>
            )}
          </div>
        </>
      )}
    </SubPage>
  );
}
