import { useTranslation } from 'react-i18next';

/** Says plainly that a site's pin is an estimate near its community's centre. */
export function ApproximateFlag() {
  const { t } = useTranslation();
  return (
    <span className="lf-approx-flag" title={t('sitePages.approximateHint')}>
      {t('sitePages.approximate')}
    </span>
  );
}
