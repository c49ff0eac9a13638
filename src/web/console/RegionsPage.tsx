import { Card, Empty, Input, Space, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Region, useRegions } from './data.js';
import { PageError, PageLoading, usePageTitle } from './PageState.js';
import { allCodes, buildRegionTree, filterRegionTree, type RegionNode } from './region-tree.js';

export function RegionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('console.regions.title'));
  const regions = useRegions();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const tree = useMemo(() => buildRegionTree(regions.data?.regions ?? []), [regions.data]);
  const filtered = useMemo(() => filterRegionTree(tree, query), [tree, query]);

  const toData = (nodes: RegionNode<Region>[]): TreeDataNode[] =>
    nodes.map((n) => ({
      key: n.region.code,
      title: (
        <span className="lf-region-node" data-code={n.region.code} data-level={n.region.level}>
          <span className="lf-region-name">{n.region.name}</span>
          <Typography.Text type="secondary" className="lf-region-code">
            {n.region.code}
          </Typography.Text>
          <Tag color={n.region.siteCount ? 'red' : 'default'}>
            {t('console.regions.siteCount', { count: n.region.siteCount })}
          </Tag>
        </span>
      ),
      children: n.children.length ? toData(n.children) : undefined,
    }));

  // Roots open by default; a search opens everything it kept.
  const expandedKeys = query.trim() ? allCodes(filtered) : (expanded ?? regions.data?.roots ?? []);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('console.regions.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('console.regions.intro')}</Typography.Text>
      </div>
      {regions.isPending && <PageLoading />}
      {regions.isError && <PageError error={regions.error} onRetry={() => regions.refetch()} />}
      {regions.data && (
        <Card>
          {tree.length > 1 || tree[0]?.children.length ? (
            <Input.Search
              allowClear
              placeholder={t('console.regions.search')}
              aria-label={t('console.regions.search')}
              onChange={(e) => setQuery(e.target.value)}
              style={{ maxWidth: 360, marginBottom: 16 }}
            />
          ) : null}
          {tree.length === 0 ? (
            <Empty description={t('console.regions.empty')} />
          ) : filtered.length === 0 ? (
            <Empty description={t('console.regions.noMatch')} />
          ) : (
            <Tree
              className="lf-region-tree"
              treeData={toData(filtered)}
              expandedKeys={expandedKeys}
              onExpand={(keys) => !query.trim() && setExpanded(keys.map(String))}
              selectable={false}
              showLine
            />
          )}
        </Card>
      )}
    </Space>
  );
}
