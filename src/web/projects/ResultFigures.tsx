/** A project's or brand's results as four figures (plain markup: the console, the phone and the library share it). */
import { useTranslation } from 'react-i18next';
import { hoursOf, type ProjectResults } from './data.js';
import './projects.css';

export function ResultFigures({ results }: { results: ProjectResults }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'hours', value: t('projects.results.hoursValue', { hours: hoursOf(results.minutesServed) }) },
    { key: 'volunteers', value: t('projects.results.volunteersValue', { count: results.volunteers }) },
    { key: 'orders', value: t('projects.results.ordersValue', { count: results.ordersCompleted }) },
    {
      key: 'stars',
      value:
        results.averageStars === null
          ? t('projects.results.noStars')
          : t('projects.results.starsValue', { stars: results.averageStars.toFixed(1), count: results.ratedOrders }),
    },
  ] as const;
  return (
    <section className="lf-project-results" aria-label={t('projects.results.title')}>
      <dl>
        {figures.map((f) => (
          <div key={f.key} data-testid={`result-${f.key}`}>
            <dt>{t(`projects.results.${f.key}`)}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <p className="lf-project-note">{t('projects.results.computed')}</p>
    </section>
  );
}
