/** One site in the console: its information and staff, its location, its book drift and self-help corners. */
import { Breadcrumb, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageError, PageLoading, usePageTitle } from '../PageState.js';
import { BooksTab } from './BooksTab.js';
import { useStaffSite } from './data.js';
import { LocationTab } from './LocationTab.js';
import { SelfHelpTab } from './SelfHelpTab.js';
import { SiteInfoTab } from './SiteInfoTab.js';

const tabs = ['info', 'location', 'books', 'selfHelp'] as const;
type TabKey = (typeof tabs)[number];

export function SiteDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const site = useStaffSite(id);
  usePageTitle(site.data?.name ?? t('console.nav.sites'));
  const tab: TabKey = (tabs as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabKey)
    : 'info';

  if (site.isPending) return <PageLoading />;
  if (site.isError) return <PageError error={site.error} onRetry={() => site.refetch()} />;
  const s = site.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/console/sites">{t('console.nav.sites')}</Link> }, { title: s.name }]} />
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {s.name}
        </Typography.Title>
        <Space wrap>
          <Tag color="red">{t(`siteKinds.${s.kind}`)}</Tag>
          <Typography.Text type="secondary">
            {[s.subdistrictName, s.regionName].filter((n, i, all) => n && all.indexOf(n) === i).join(' · ')}
          </Typography.Text>
          {s.locationApproximate && <Tag color="gold">{t('sitePages.approximate')}</Tag>}
          {s.pilotBatch && <Tag color="blue">{t('sitePages.batchN', { n: s.pilotBatch })}</Tag>}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'info', label: t('siteConsole.tabs.info'), children: <SiteInfoTab site={s} /> },
          { key: 'location', label: t('siteConsole.tabs.location'), children: <LocationTab site={s} /> },
          { key: 'books', label: t('siteConsole.tabs.books'), children: <BooksTab site={s} /> },
          { key: 'selfHelp', label: t('siteConsole.tabs.selfHelp'), children: <SelfHelpTab site={s} /> },
        ]}
      />
    </Space>
  );
}
