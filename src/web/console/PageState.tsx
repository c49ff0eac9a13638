/** Loading and error blocks for console pages. */
import { Alert, Button, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors.js';

export function PageLoading() {
  return <Skeleton active paragraph={{ rows: 6 }} />;
}

export function PageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.loadFailed')}
      description={errorText(error)}
      action={<Button onClick={onRetry}>{t('app.retry')}</Button>}
    />
  );
}

export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
