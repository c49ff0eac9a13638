import {
  ApartmentOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  LineChartOutlined,
  LogoutOutlined,
  MailOutlined,
  MenuOutlined,
  MessageOutlined,
  ProfileOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps, Segmented, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { type Me, type Role, useLogout } from '../api/session.js';
import { type Language, setLanguage } from '../i18n/index.js';
import { setElderMode, useElderMode } from '../prefs/elder-mode.js';
import { useDemoSms } from './outbox-data.js';

interface NavItem {
  path: string;
  key:
    | 'overview'
    | 'orders'
    | 'orderMetrics'
    | 'orderSettings'
    | 'menu'
    | 'activities'
    | 'hours'
    | 'wishes'
    | 'points'
    | 'regions'
    | 'sites'
    | 'volunteers'
    | 'organisations'
    | 'families'
    | 'store'
    | 'outbox'
    | 'demoSms'
    | 'volunteerSettings'
    | 'academy'
    | 'charity'
    | 'projects'
    | 'coverage';
  icon: React.ReactNode;
  /** Who sees the entry. Every console page so far is open to all staff; later ones narrow this. */
  roles: readonly Role[];
}

const allStaff: readonly Role[] = ['station_keeper', 'institute_admin', 'centre_admin'];
const nav: NavItem[] = [
  { path: '/console', key: 'overview', icon: <DashboardOutlined />, roles: allStaff },
  { path: '/console/orders', key: 'orders', icon: <ScheduleOutlined />, roles: allStaff },
  { path: '/console/orders/metrics', key: 'orderMetrics', icon: <LineChartOutlined />, roles: allStaff },
  { path: '/console/orders/settings', key: 'orderSettings', icon: <FieldTimeOutlined />, roles: allStaff },
  { path: '/console/menu', key: 'menu', icon: <ProfileOutlined />, roles: allStaff },
  { path: '/console/activities', key: 'activities', icon: <CalendarOutlined />, roles: allStaff },
  { path: '/console/hours', key: 'hours', icon: <FieldTimeOutlined />, roles: allStaff },
  { path: '/console/wishes', key: 'wishes', icon: <GiftOutlined />, roles: allStaff },
  { path: '/console/points', key: 'points', icon: <TrophyOutlined />, roles: allStaff },
  { path: '/console/regions', key: 'regions', icon: <ApartmentOutlined />, roles: allStaff },
  { path: '/console/sites', key: 'sites', icon: <EnvironmentOutlined />, roles: allStaff },
  { path: '/console/volunteers', key: 'volunteers', icon: <TeamOutlined />, roles: allStaff },
  { path: '/console/organisations', key: 'organisations', icon: <ClusterOutlined />, roles: allStaff },
  { path: '/console/families', key: 'families', icon: <HomeOutlined />, roles: allStaff },
  { path: '/console/store', key: 'store', icon: <ShopOutlined />, roles: allStaff },
  { path: '/console/outbox', key: 'outbox', icon: <MailOutlined />, roles: ['centre_admin'] },
  { path: '/console/demo-sms', key: 'demoSms', icon: <MessageOutlined />, roles: allStaff },
  {
    path: '/console/volunteers/settings',
    key: 'volunteerSettings',
    icon: <SafetyCertificateOutlined />,
    roles: allStaff,
  },
  { path: '/console/academy', key: 'academy', icon: <ReadOutlined />, roles: allStaff },
  { path: '/console/charity', key: 'charity', icon: <HeartOutlined />, roles: allStaff },
  { path: '/console/projects', key: 'projects', icon: <ProjectOutlined />, roles: allStaff },
  { path: '/console/coverage', key: 'coverage', icon: <DeploymentUnitOutlined />, roles: allStaff },
];

function selectedKey(pathname: string): string {
  const match = [...nav].sort((a, b) => b.path.length - a.path.length).find((n) => pathname.startsWith(n.path));
  return match?.path ?? '/console';
}

export function ConsoleLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  // The demo phone exists only where the server runs the demo SMS provider.
  const demoSms = useDemoSms();

  const items: MenuProps['items'] = nav
    .filter((n) => me.roles.some((r) => n.roles.includes(r.role)))
    .filter((n) => n.key !== 'demoSms' || demoSms.isSuccess)
    .map((n) => ({
      key: n.path,
      icon: n.icon,
      label: t(`console.nav.${n.key}`),
    }));
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
    />
  );
  const scope = me.scope.map((s) => s.name).join('、');
  const signOut = () => logout.mutate();

  return (
    <Layout className="lf-console">
      {wide && (
        <Layout.Sider width={220} theme="light" className="lf-console-sider">
          <div className="lf-console-brand">{t('app.name')}</div>
          {menu}
        </Layout.Sider>
      )}
      {!wide && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
          size={260}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
          <div className="lf-console-drawer-prefs">
            <Prefs vertical />
          </div>
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="lf-console-header">
          {!wide && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('console.openMenu')}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {wide && (
            <Typography.Text strong className="lf-console-title">
              {t('console.title')}
            </Typography.Text>
          )}
          <div className="lf-console-header-right">
            {scope && (screens.md ?? true) && (
              <Tag color="red" className="lf-console-scope" title={t('console.scope')}>
                {scope}
              </Tag>
            )}
            <Typography.Text strong className="lf-console-user">
              {me.displayName}
            </Typography.Text>
            {wide && <Prefs />}
            <Button icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending}>
              {wide ? t('auth.logout') : null}
            </Button>
          </div>
        </Layout.Header>
        <Layout.Content className="lf-console-content">
          {!(screens.md ?? true) && scope && (
            <Tag color="red" className="lf-console-scope-narrow">
              {t('console.scope')}：{scope}
            </Tag>
          )}
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Prefs({ vertical = false }: { vertical?: boolean }) {
  const { t, i18n } = useTranslation();
  const elder = useElderMode();
  return (
    <Space orientation={vertical ? 'vertical' : 'horizontal'} size="middle" wrap>
      <Segmented<Language>
        aria-label={t('prefs.language')}
        size="small"
        value={i18n.language === 'en' ? 'en' : 'zh-CN'}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
        onChange={(v) => void setLanguage(v)}
      />
      <span className="lf-console-elder">
        <Switch size="small" id="lf-elder-switch" checked={elder} onChange={setElderMode} />
        <label htmlFor="lf-elder-switch">{t('prefs.elder')}</label>
      </span>
    </Space>
  );
}
