/** Whole-page loading and error screens that need no UI library (shown before an area's chunk loads). */
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors.js';

export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <div className="lf-fullpage" role="status" aria-live="polite">
      <div className="lf-spinner" aria-hidden="true" />
      <p>{t('app.loading')}</p>
    </div>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="lf-fullpage" role="alert">
      <p className="lf-fullpage-title">{t('errors.loadFailed')}</p>
      <p>{errorText(error)}</p>
      <button type="button" className="lf-plain-button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
