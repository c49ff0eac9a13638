/** A project's public page: who runs it, what it is for, its activities and services, and its results. */
import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { H5Error, H5Loading } from '../h5/people/states.js';
import { useLibraryProject } from '../projects/data.js';
import { ResultFigures } from '../projects/ResultFigures.js';
import { LibraryFrame } from './LibraryApp.js';

export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const project = useLibraryProject(id);
  const p = project.data;
  return (
    <LibraryFrame title={p?.name ?? t('projects.library.title')} back="/library">
      {project.isPending && <H5Loading />}
      {project.isError && <H5Error error={project.error} onRetry={() => project.refetch()} />}
      {p && (
        <>
          <section className="lf-library-head">
            <h1>{p.name}</h1>
            <div className="lf-library-tags">
              <Tag color="primary" fill="outline">
                {t(`projects.levels.${p.level}`)}
              </Tag>
              <Tag fill="outline">{t(`projects.categories.${p.category}`)}</Tag>
              <Tag color="success">{t(`projects.states.${p.state}`)}</Tag>
              <span>{p.year}</span>
            </div>
            <p>
              {p.organisation.name} · {p.regionName}
            </p>
            {p.brand && (
              <p>
                {t('projects.fields.brand')}：<Link to={`/library/brands/${p.brand.id}`}>{p.brand.name}</Link>
                {p.series && ` · ${p.series.name}`}
              </p>
            )}
            {p.synthetic && <Tag fill="outline">{t('projects.synthetic')}</Tag>}
          </section>
          <section className="lf-library-section">
            <h2>{t('projects.results.title')}</h2>
            <ResultFigures results={p.results} />
          </section>
          <List header={t('projects.library.about')} mode="card">
            {(['objectives', 'beneficiaries', 'expectedOutputs'] as const)
              .filter((k) => p[k])
              .map((k) => (
                <List.Item key={k} description={<span className="lf-library-text">{p[k]}</span>}>
                  {t(`projects.fields.${k}`)}
                </List.Item>
              ))}
            {p.regionsServed.length > 0 && (
              <List.Item description={p.regionsServed.map((r) => r.name).join('、')}>
                {t('projects.fields.regionsServed')}
              </List.Item>
            )}
          </List>
          <List header={t('projects.library.activities')} mode="card">
            {p.activities.length === 0 && <List.Item>{t('projects.library.noActivities')}</List.Item>}
            {p.activities.map((a) => (
              <List.Item key={a.id}>{a.title}</List.Item>
            ))}
          </List>
          <List header={t('projects.library.menuItems')} mode="card">
            {p.menuItems.length === 0 && <List.Item>{t('projects.library.noMenuItems')}</List.Item>}
            {p.menuItems.map((m) => (
              <List.Item key={m.id}>{m.name}</List.Item>
            ))}
          </List>
        </>
      )}
    </LibraryFrame>
  );
}
