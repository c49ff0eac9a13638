/** The review chain (community → subdistrict → district) and every recorded step with its comment. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/time.js';
import { type ProjectDetail, pick } from './data.js';
import './projects.css';

export function ReviewHistory({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const now = project.reviewRegion?.code;
  return (
    <section className="lf-project-history">
      <p className="lf-project-chain">
        <span>{t('projects.apply.chain')}：</span>
        {project.reviewChain.map((r, i) => (
          <span key={r.code} className={r.code === now ? 'lf-project-chain-now' : undefined}>
            {i > 0 && ' → '}
            {r.name}
          </span>
        ))}
      </p>
      {project.reviews.length === 0 && <p className="lf-project-note">{t('projects.apply.noReviews')}</p>}
      <ol data-testid="review-history">
        {project.reviews.map((r) => (
          <li key={`${r.at}-${r.decision}`} className={`lf-project-step lf-project-step-${r.decision}`}>
            <div>
              <strong>{pick(r.label)}</strong>
              {r.regionName && <span> · {r.regionName}</span>}
              {r.actorName && <span> · {r.actorName}</span>}
            </div>
            <time dateTime={r.at}>{formatDateTime(r.at)}</time>
            {r.comment && <p>{t('projects.apply.comment', { comment: r.comment })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
