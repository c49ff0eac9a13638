/** A brand's public page: its logo and story, its themed series, its projects in the library and their results. */
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { H5Error, H5Loading } from '../h5/people/states.js';
import { useBrand } from '../projects/data.js';
import { ResultFigures } from '../projects/ResultFigures.js';
import { LibraryFrame } from './LibraryApp.js';

export function BrandPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const brand = useBrand(id);
  const b = brand.data;
  return (
    <LibraryFrame title={b?.name ?? t('projects.library.brands')} back="/library">
      {brand.isPending && <H5Loading />}
      {brand.isError && <H5Error error={brand.error} onRetry={() => brand.refetch()} />}
      {b && (
        <>
          <section className="lf-library-head">
            {b.logoUrl && <img className="lf-library-logo" src={b.logoUrl} alt="" />}
            <h1>{b.name}</h1>
            <p>
              {t('projects.brand.owner')}：{b.organisation.name}
            </p>
            <p>{t('projects.brand.projectsCount', { count: b.projects })}</p>
            {b.description && <p className="lf-library-text">{b.description}</p>}
          </section>
          <section className="lf-library-section">
            <h2>{t('projects.results.title')}</h2>
            <ResultFigures results={b.results} />
          </section>
          <List header={t('projects.brand.series')} mode="card" data-testid="brand-series">
            {b.series.length === 0 && <List.Item>{t('projects.brand.noSeries')}</List.Item>}
            {b.series.map((s) => (
              <List.Item key={s.id} description={s.description || undefined}>
                {s.name}
              </List.Item>
            ))}
          </List>
          <List header={t('projects.brand.projects')} mode="card">
            {b.libraryProjects.length === 0 && <List.Item>{t('projects.brand.noProjects')}</List.Item>}
            {b.libraryProjects.map((p) => (
              <List.Item key={p.id} description={`${p.organisation.name} · ${p.year}`}>
                <Link to={`/library/projects/${p.id}`}>{p.name}</Link>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </LibraryFrame>
  );
}
