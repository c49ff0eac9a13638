/** The staff console (antd): its own chunk, loaded only under /console; each page is a chunk of its own. */
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { type ComponentType, Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { isStaff, type Me, useMe } from '../api/session.js';
import { lazyNamed, type Preloadable } from '../app/lazy.js';
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

/** A console page: it may take the signed-in user. */
type Page = Preloadable<ComponentType<{ me: Me }>>;

/** The console's pages, under /console: each a chunk of its own. */
const pages: { path: string; Page: Page }[] = [
  { path: '', Page: OverviewPage },
  { path: 'regions', Page: RegionsPage },
  { path: 'sites', Page: SitesPage },
  { path: 'volunteers', Page: VolunteersPage },
  { path: 'volunteers/new', Page: DeskRegisterPage },
  { path: 'sites/:id', Page: SiteDetailPage },
  { path: 'organisations', Page: OrganisationsPage },
  { path: 'organisations/:id', Page: OrganisationDetailPage },
  { path: 'families', Page: FamiliesPage },
  { path: 'orders', Page: OrdersPage },
  { path: 'orders/metrics', Page: MetricsPage },
  { path: 'orders/settings', Page: OrderSettingsPage },
  { path: 'orders/:id', Page: OrdersPage },
  { path: 'menu', Page: MenuAdminPage },
  { path: 'activities', Page: ActivitiesPage },
  { path: 'activities/display', Page: DisplayPage },
  { path: 'hours', Page: HoursPage },
  { path: 'wishes/*', Page: WishesConsole },
  { path: 'points', Page: PointsPage },
  { path: 'activities/:id', Page: ActivitiesPage },
  { path: 'store', Page: StoreDeskPage },
  { path: 'outbox', Page: OutboxPage },
  { path: 'demo-sms', Page: DemoSmsPage },
  { path: 'volunteers/settings', Page: VolunteerSettingsPage },
  { path: 'academy', Page: AcademyPage },
  { path: 'academy/sessions/:id/screen', Page: TrainingScreenPage },
  { path: 'charity/*', Page: CharityPage },
  { path: 'projects', Page: ProjectsPage },
  { path: 'coverage', Page: CoveragePage },
];

/** On a visit straight to a console page (a bookmark, a reload), its chunk loads beside the console's own and /me, not after them. */
function preloadPage(pathname: string) {
  const first = pages.find(({ path }) => matchPath(path ? `/console/${path}` : '/console', pathname));
  void first?.Page.preload().catch(() => {});
}
preloadPage(window.location.pathname);

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
  const user = me.data;
  return (
    <Routes>
      <Route element={<ConsoleLayout me={user} />}>
        {pages.map(({ path, Page }) => (
          <Route
            key={path}
            index={path === ''}
            path={path || undefined}
            element={
              <Suspense fallback={<PageLoading />}>
                <Page me={user} />
              </Suspense>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
