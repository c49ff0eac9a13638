import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Unknown addresses: a plain page (no UI library), Chinese by default. */
export function NotFound() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('notFound.heading')} · ${t('app.name')}`;
  }, [t]);
  return (
    <main className="lf-fullpage">
      <p className="lf-notfound-code">{t('notFound.title')}</p>
      <h1 className="lf-fullpage-title">{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <Link className="lf-plain-button" to="/">
        {t('app.backHome')}
      </Link>
    </main>
  );
}
