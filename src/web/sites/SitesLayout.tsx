import { NavBar, Tabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import './sites.css';

/** Title bar with the list / map switch. */
export function SitesLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const active = location.pathname.startsWith('/sites/map') ? '/sites/map' : '/sites';
  return (
    <div className="lf-sites-page">
      <NavBar
        backIcon={false}
        className="lf-h5-navbar"
        right={
          <Link to="/" className="lf-sites-home">
            {t('sitePages.home')}
          </Link>
        }
      >
        {t('sitePages.title')}
      </NavBar>
      <Tabs activeKey={active} onChange={(key) => navigate(`${key}${location.search}`)}>
        <Tabs.Tab key="/sites" title={t('sitePages.list')} />
        <Tabs.Tab key="/sites/map" title={t('sitePages.map')} />
      </Tabs>
      <Outlet />
    </div>
  );
}
