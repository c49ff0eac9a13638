/**
 * The frame of a console list page: the head (title, introduction, actions), a filter by region
 * from the caller's scoped tree, and the foot of a keyset list (how many rows are shown, 加载更多).
 */
import { Button, TreeSelect, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionOptions } from './region-options.js';

export function PageHead({ title, intro, actions }: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="lf-page-head">
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {title}
        </Typography.Title>
        {intro && <Typography.Text type="secondary">{intro}</Typography.Text>}
      </div>
      {actions}
    </div>
  );
}

/** A region of the caller's scope (any level), or every region when cleared. */
export function RegionFilter({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  label: string;
  placeholder: string;
}) {
  const regions = useRegionOptions();
  return (
    <TreeSelect<string>
      allowClear
      showSearch
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(v) => onChange(v || undefined)}
      treeData={regions.options}
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={regions.roots}
      style={{ minWidth: 220 }}
    />
  );
}

/** What the foot needs of an infinite query. */
export interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * The count of the rows shown ("已显示 N 条", or "已全部显示" once the server has no more) and the
 * button that loads the next page. `shown`/`allShown` name the rows ("张订单"); plain 条 otherwise.
 */
export function ListFooter({
  list,
  count,
  shown,
  allShown,
}: {
  list: PagedList;
  count: number;
  shown?: (count: number) => string;
  allShown?: (count: number) => string;
}) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <div className="lf-sites-footer">
      <Typography.Text type="secondary">
        {list.hasNextPage
          ? (shown?.(count) ?? t('common.shown', { count }))
          : (allShown?.(count) ?? t('common.allShown', { count }))}
      </Typography.Text>
      {list.hasNextPage && (
        <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
