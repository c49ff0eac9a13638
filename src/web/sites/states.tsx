import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText, isNotFound } from '../api/errors.js';

export function Loading() {
  return (
    <div className="lf-site-detail-section" role="status">
      <Skeleton.Title animated />
      <Skeleton.Paragraph lineCount={5} animated />
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isNotFound(error))
    return <ErrorBlock status="empty" title={t('common.notFound')} description={t('common.notFoundHint')} />;
  return (
    <ErrorBlock status="default" title={t('errors.loadFailed')} description={errorText(error)}>
      <Button color="primary" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </ErrorBlock>
  );
}
