import { Card, Empty, Select, Space, Table, type TableColumnsType, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Site, type SiteKind, siteKinds, useSites } from './data.js';
import { ListFooter } from './ListFrame.js';
import { PageError, usePageTitle } from './PageState.js';
import { useRegionOptions } from './region-options.js';

const kindColour: Record<SiteKind, string> = {
  centre: 'red',
  institute: 'volcano',
  station: 'orange',
  leifeng_post: 'blue',
  sanitation_home: 'green',
  caring_merchant: 'purple',
  bank_outlet: 'cyan',
};

export function SitesPage() {
  const { t } = useTranslation();
  usePageTitle(t('console.sites.title'));
  const [kind, setKind] = useState<SiteKind | undefined>();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const sites = useSites({ kind, regionCode });
  const regions = useRegionOptions();
  const rows = useMemo(() => sites.data?.pages.flatMap((p) => p.items) ?? [], [sites.data]);

  const columns: TableColumnsType<Site> = [
    {
      title: t('console.sites.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, s: Site) => <Link to={`/console/sites/${s.id}`}>{name}</Link>,
    },
    {
      title: t('console.sites.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: SiteKind) => <Tag color={kindColour[k]}>{t(`siteKinds.${k}`)}</Tag>,
    },
    { title: t('console.sites.region'), dataIndex: 'regionName', key: 'region' },
    {
      title: t('console.sites.address'),
      key: 'address',
      responsive: ['md'],
      render: (_: unknown, s: Site) =>
        s.address ? (
          <>
            {s.address}
            {s.locationApproximate && (
              <Typography.Text type="secondary">{t('console.sites.approximate')}</Typography.Text>
            )}
          </>
        ) : (
          t('console.sites.none')
        ),
    },
    {
      title: t('console.sites.pilotBatch'),
      dataIndex: 'pilotBatch',
      key: 'pilotBatch',
      responsive: ['lg'],
      render: (n: number | null) => (n ? t('console.sites.batchN', { n }) : t('console.sites.none')),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('console.sites.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('console.sites.intro')}</Typography.Text>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<SiteKind>
            allowClear
            aria-label={t('console.sites.kind')}
            placeholder={t('console.sites.allKinds')}
            value={kind}
            onChange={(v) => setKind(v)}
            options={siteKinds.map((k) => ({ value: k, label: t(`siteKinds.${k}`) }))}
            style={{ minWidth: 220 }}
          />
          <TreeSelect<string>
            allowClear
            showSearch
            aria-label={t('console.sites.region')}
            placeholder={t('console.sites.allRegions')}
            value={regionCode}
            onChange={(v) => setRegionCode(v || undefined)}
            treeData={regions.options}
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={regions.roots}
            loading={regions.loading}
            style={{ minWidth: 240 }}
          />
        </Space>
        {sites.isError && <PageError error={sites.error} onRetry={() => sites.refetch()} />}
        {!(sites.isError && rows.length === 0) && (
          <>
            <Table<Site>
              className="lf-sites-table"
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={sites.isPending}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('console.sites.empty')} /> }}
            />
            <ListFooter
              list={sites}
              count={rows.length}
              shown={(count) => t('console.sites.shown', { count })}
              allShown={(count) => t('console.sites.allShown', { count })}
            />
          </>
        )}
      </Card>
    </Space>
  );
}
