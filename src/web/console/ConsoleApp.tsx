/** The staff console (antd): its own chunk, loaded only under /console. */
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { isStaff, useMe } from '../api/session.js';
import { NotFound } from '../app/NotFound.js';
import { FullPageError, FullPageLoading } from '../app/states.js';
import { useElderMode } from '../prefs/elder-mode.js';
import { defaultExport } from '../shared/interop.js';
import { ConsoleLayout } from './ConsoleLayout.js';
import { DemoSmsPage } from './DemoSmsPage.js';
import { DeskRegisterPage } from './DeskRegisterPage.js';
import { OutboxPage } from './OutboxPage.js';
import { OverviewPage } from './OverviewPage.js';
import { FamiliesPage } from './organisations/FamiliesPage.js';
import { OrganisationDetailPage } from './organisations/OrganisationDetailPage.js';
import { OrganisationsPage } from './organisations/OrganisationsPage.js';
import { RegionsPage } from './RegionsPage.js';
import { SitesPage } from './SitesPage.js';
import { SiteDetailPage } from './site/SiteDetailPage.js';
import { consoleTheme } from './theme.js';
import { VolunteersPage } from './VolunteersPage.js';
import './console.css';

const enUS = defaultExport<Locale>(enUSModule);
const zhCN = defaultExport<Locale>(zhCNModule);

export function ConsoleApp() {
  const { i18n } = useTranslation();
  const elder = useElderMode();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={consoleTheme(elder)}>
      <AntApp>
        <ConsoleGate />
      </AntApp>
    </ConfigProvider>
  );
}

function ConsoleGate() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoading />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!isStaff(me.data)) {
    return (
      <Result
        status="403"
        title={t('errors.forbiddenArea')}
        extra={
          <Link to="/h5">
            <Button type="primary">{t('app.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Routes>
      <Route element={<ConsoleLayout me={me.data} />}>
        <Route index element={<OverviewPage me={me.data} />} />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="sites" element={<SitesPage />} />
        <Route path="volunteers" element={<VolunteersPage />} />
        <Route path="volunteers/new" element={<DeskRegisterPage />} />
        <Route path="sites/:id" element={<SiteDetailPage />} />
        <Route path="organisations" element={<OrganisationsPage me={me.data} />} />
        <Route path="organisations/:id" element={<OrganisationDetailPage />} />
        <Route path="families" element={<FamiliesPage />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="demo-sms" element={<DemoSmsPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
