import { TabBar } from 'antd-mobile';
import { AppOutline, MessageOutline, TeamOutline, UserOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLiveEvents, useUnreadCount } from '../people/data.js';

/** Content above, the tab bar (首页 / 我的) fixed at the bottom. */
export function H5Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  useLiveEvents();
  const tabs = [
    { key: '/h5', title: t('h5.tabs.home'), icon: <AppOutline /> },
    { key: '/h5/teams', title: t('people.tabs.teams'), icon: <TeamOutline /> },
    {
      key: '/h5/inbox',
      title: t('people.tabs.inbox'),
      icon: <MessageOutline />,
      badge: unread.data ? (unread.data > 99 ? '99+' : String(unread.data)) : undefined,
    },
    { key: '/h5/mine', title: t('h5.tabs.mine'), icon: <UserOutline /> },
  ];
  const active = tabs.find((tab) => tab.key !== '/h5' && location.pathname.startsWith(tab.key))?.key ?? '/h5';
  return (
    <div className="lf-h5">
      <main className="lf-h5-body">
        <Outlet />
      </main>
      <nav className="lf-h5-tabbar" aria-label={t('app.name')}>
        <TabBar activeKey={active} onChange={(key) => navigate(key)} safeArea>
          {tabs.map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={tab.title} badge={tab.badge ?? null} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
