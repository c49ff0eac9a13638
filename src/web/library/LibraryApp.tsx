/**
 * 项目库 (public, phone first, no sign-in): the library with filters and paging, a project's page with
 * its results, a brand's page with its series. Its own chunk under /library.
 */
import { Button, NavBar } from 'antd-mobile';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { NotFound } from '../app/NotFound.js';
import { currentLanguage, setLanguage } from '../i18n/index.js';
import '../projects/strings.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { BrandPage } from './BrandPage.js';
import { EvaluationPage } from './EvaluationPage.js';
import { LibraryPage } from './LibraryPage.js';
import { ProjectPage } from './ProjectPage.js';
import '../h5/h5.css';
import './library.css';

export function LibraryApp() {
  return (
    <MobileProviders>
      <Routes>
        <Route index element={<LibraryPage />} />
        <Route path="projects/:id" element={<ProjectPage />} />
        <Route path="brands/:id" element={<BrandPage />} />
        <Route path="evaluations/:id" element={<EvaluationPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </MobileProviders>
  );
}

/** A public page: the title, a way back to the library (except on it), the language switch. */
export function LibraryFrame({ title, back, children }: { title: string; back?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  const other = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="lf-h5 lf-library">
      <NavBar
        className="lf-h5-navbar"
        back={back ? t('projects.library.toLibrary') : null}
        onBack={() => back && navigate(back)}
        right={
          <Button size="mini" fill="none" onClick={() => void setLanguage(other)}>
            {t('projects.library.language')}
          </Button>
        }
      >
        {title}
      </NavBar>
      <main className="lf-library-main">{children}</main>
    </div>
  );
}
