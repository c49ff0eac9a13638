/** The staff console (antd): its own chunk, loaded only under /console; each page is a chunk of its own. */
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { type ReactNode, Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { isStaff, useMe } from '../api/session.js';
import { lazyNamed } from '../app/lazy.js';
import { NotFound } from '../app/NotFound.js';
import { FullPageError, FullPageLoading } from '../app/states.js';
import { useElderMode } from '../prefs/elder-mode.js';
import { defaultExport } from '../shared/interop.js';
import { ConsoleLayout } from './ConsoleLayout.js';
import { PageLoading } from './PageState.js';
import { consoleTheme } from './theme.js';
import './console.css';

const enUS = defaultExport<Locale>(enUSModule);
const zhCN = defaultExport<Locale>(zhCNModule);

const OverviewPage = lazyNamed(() => import('./OverviewPage.js'), 'OverviewPage');
const ActivitiesPage = lazyNamed(() => import('./activities/ActivitiesPage.js'), 'ActivitiesPage');
const DisplayPage = lazyNamed(() => import('./activities/DisplayPage.js'), 'DisplayPage');
const HoursPage = lazyNamed(() => import('./hours/HoursPage.js'), 'HoursPage');
const PointsPage = lazyNamed(() => import('./points/PointsPage.js'), 'PointsPage');
const DemoSmsPage = lazyNamed(() => import('./DemoSmsPage.js'), 'DemoSmsPage');
const DeskRegisterPage = lazyNamed(() => import('./DeskRegisterPage.js'), 'DeskRegisterPage');
const FamiliesPage = lazyNamed(() => import('./organisations/FamiliesPage.js'), 'FamiliesPage');
const OrganisationDetailPage = lazyNamed(
  () => import('./organisations/OrganisationDetailPage.js'),
  'OrganisationDetailPage',
);
const MetricsPage = lazyNamed(() => import('./orders/MetricsPage.js'), 'MetricsPage');
const OrderSettingsPage = lazyNamed(() => import('./orders/OrderSettingsPage.js'), 'OrderSettingsPage');
const MenuAdminPage = lazyNamed(() => import('./menu/MenuAdminPage.js'), 'MenuAdminPage');
const OrdersPage = lazyNamed(() => import('./orders/OrdersPage.js'), 'OrdersPage');
const OrganisationsPage = lazyNamed(() => import('./organisations/OrganisationsPage.js'), 'OrganisationsPage');
const OutboxPage = lazyNamed(() => import('./OutboxPage.js'), 'OutboxPage');
const RegionsPage = lazyNamed(() => import('./RegionsPage.js'), 'RegionsPage');
const SiteDetailPage = lazyNamed(() => import('./site/SiteDetailPage.js'), 'SiteDetailPage');
const SitesPage = lazyNamed(() => import('./SitesPage.js'), 'SitesPage');
const StoreDeskPage = lazyNamed(() => import('./store/StoreDeskPage.js'), 'StoreDeskPage');
const VolunteersPage = lazyNamed(() => import('./VolunteersPage.js'), 'VolunteersPage');
const VolunteerSettingsPage = lazyNamed(() => import('./VolunteerSettingsPage.js'), 'VolunteerSettingsPage');
const WishesConsole = lazyNamed(() => import('./wishes/WishesPage.js'), 'WishesConsole');
const AcademyPage = lazyNamed(() => import('./academy/AcademyPage.js'), 'AcademyPage');
const TrainingScreenPage = lazyNamed(() => import('./academy/TrainingScreenPage.js'), 'TrainingScreenPage');
const CharityPage = lazyNamed(() => import('./charity/CharityPage.js'), 'CharityPage');
const ProjectsPage = lazyNamed(() => import('./projects/ProjectsPage.js'), 'ProjectsPage');
const CoveragePage = lazyNamed(() => import('./coverage/CoveragePage.js'), 'CoveragePage');

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

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
  // The console's first draw (menu, layout and their styles) takes a few hundred milliseconds on a
  // slow phone: drawn from a deferred value it is a transition, which yields to input in 5 ms slices.
  const shown = useDeferredValue(me.data);
  const location = useLocation();
  if (me.isPending || (me.data && !shown)) return <FullPageLoading />;
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
        <Route index element={page(<OverviewPage me={me.data} />)} />
        <Route path="regions" element={page(<RegionsPage />)} />
        <Route path="sites" element={page(<SitesPage />)} />
        <Route path="volunteers" element={page(<VolunteersPage />)} />
        <Route path="volunteers/new" element={page(<DeskRegisterPage />)} />
        <Route path="sites/:id" element={page(<SiteDetailPage />)} />
        <Route path="organisations" element={page(<OrganisationsPage me={me.data} />)} />
        <Route path="organisations/:id" element={page(<OrganisationDetailPage />)} />
        <Route path="families" element={page(<FamiliesPage />)} />
        <Route path="orders" element={page(<OrdersPage />)} />
        <Route path="orders/metrics" element={page(<MetricsPage />)} />
        <Route path="orders/settings" element={page(<OrderSettingsPage />)} />
        <Route path="orders/:id" element={page(<OrdersPage />)} />
        <Route path="menu" element={page(<MenuAdminPage />)} />
        <Route path="activities" element={page(<ActivitiesPage />)} />
        <Route path="activities/display" element={page(<DisplayPage />)} />
        <Route path="hours" element={page(<HoursPage />)} />
        <Route path="wishes/*" element={page(<WishesConsole />)} />
        <Route path="points" element={page(<PointsPage />)} />
        <Route path="activities/:id" element={page(<ActivitiesPage />)} />
        <Route path="store" element={page(<StoreDeskPage />)} />
        <Route path="outbox" element={page(<OutboxPage />)} />
        <Route path="demo-sms" element={page(<DemoSmsPage />)} />
        <Route path="volunteers/settings" element={page(<VolunteerSettingsPage />)} />
        <Route path="academy" element={page(<AcademyPage />)} />
        <Route path="academy/sessions/:id/screen" element={page(<TrainingScreenPage />)} />
        <Route path="charity/*" element={page(<CharityPage />)} />
        <Route path="projects" element={page(<ProjectsPage />)} />
        <Route path="coverage" element={page(<CoveragePage />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
