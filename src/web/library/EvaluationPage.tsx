/** The published results of an evaluation round (评选结果): ranking, criteria, platform figures, awards. */
import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { H5Error, H5Loading } from '../h5/people/states.js';
import { hoursOf, yuan } from '../projects/data.js';
import { resultsXlsxUrl, useResults } from '../projects/evaluation-data.js';
import { LibraryFrame } from './LibraryApp.js';

export function EvaluationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const results = useResults(id);
  const r = results.data;
  return (
    <LibraryFrame title={r?.title ?? t('projects.evaluation.results')} back="/library">
      {results.isPending && <H5Loading />}
      {results.isError && <H5Error error={results.error} onRetry={() => results.refetch()} />}
      {r && (
        <>
          <section className="lf-library-head">
            <h1>{r.title}</h1>
            <div className="lf-library-tags">
              <Tag color="primary" fill="outline">
                {t(`projects.levels.${r.level}`)}
              </Tag>
              <span>{r.year}</span>
            </div>
            <p>
              {t('projects.evaluation.criteria')}：{r.criteria.map((c) => `${c.name} ${c.weight}%`).join('、')}
            </p>
            <p>
              {t('projects.evaluation.awarded')}：{yuan(r.awardedFen)} / {yuan(r.budgetFen)}
            </p>
            <a href={resultsXlsxUrl(r.id)} download>
              {t('projects.evaluation.export')}
            </a>
          </section>
          <List header={t('projects.evaluation.ranking')}>
            {r.ranking.map((item) => (
              <List.Item
                key={item.project.id}
                prefix={<strong className="lf-rank">{item.rank}</strong>}
                extra={<strong>{item.total}</strong>}
                description={
                  <>
                    {item.project.organisation.name} · {t('projects.evaluation.hours')}{' '}
                    {hoursOf(item.results.minutesServed)} · {t('projects.evaluation.volunteers')}{' '}
                    {item.results.volunteers} · {t('projects.evaluation.orders')} {item.results.ordersCompleted}
                    {item.award && (
                      <div>
                        <Tag color="warning">{item.award.honour}</Tag> {yuan(item.award.fundingFen)}
                      </div>
                    )}
                  </>
                }
              >
                <Link to={`/library/projects/${item.project.id}`}>{item.project.name}</Link>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </LibraryFrame>
  );
}
