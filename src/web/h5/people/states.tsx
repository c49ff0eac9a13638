/** Loading and error blocks for the H5 pages of teams, families and the inbox. */
import { Button, DotLoading, NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../api/errors.js';
import './people.css';

export function H5Loading() {
  const { t } = useTranslation();
  return (
    <div className="lf-h5-state" role="status" aria-live="polite">
      <DotLoading color="primary" />
      <span>{t('app.loading')}</span>
    </div>
  );
}

export function H5Error({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="lf-h5-state" role="alert">
      <p>{errorText(error)}</p>
      <Button size="small" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </div>
  );
}

export function useH5Title(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

/** A page outside the tab bar: a back arrow, a title, the content. */
export function SubPage({ title, back, children }: { title: string; back: string; children: ReactNode }) {
  const navigate = useNavigate();
  useH5Title(title);
  return (
    <div className="lf-h5">
      <NavBar onBack={() => navigate(back)} className="lf-h5-navbar">
        {title}
      </NavBar>
      <main className="lf-h5-page">{children}</main>
    </div>
  );
}
