/** A page of orders as cards (my orders, my tasks): title, state, when, where; with paging and empty states. */

import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button, Empty, List, Tag } from 'antd-mobile';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../orders/data.js';
import { stateColour, timeWindow } from '../../orders/format.js';
import { H5Error, H5Loading } from '../people/states.js';

type Pages = InfiniteData<{ items: Order[]; nextCursor: string | null }>;

export function OrderList({
  query,
  empty,
  emptyAction,
  onOpen,
  extra,
}: {
  query: UseInfiniteQueryResult<Pages>;
  empty: string;
  emptyAction?: React.ReactNode;
  onOpen: (order: Order) => void;
  extra?: (order: Order) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  if (query.isPending) return <H5Loading />;
  if (query.isError) return <H5Error error={query.error} onRetry={() => query.refetch()} />;
  if (rows.length === 0)
    return (
      <div className="lf-order-empty">
        <Empty description={empty} />
        {emptyAction}
      </div>
    );
  return (
    <>
      <List mode="card" className="lf-order-list">
        {rows.map((o) => (
          <List.Item
            key={o.id}
            onClick={() => onOpen(o)}
            description={
              <>
                <div>{timeWindow(o.windowStart, o.windowEnd)}</div>
                <div className="lf-order-clamp">
                  {o.regionName} · {o.address}
                </div>
                {extra?.(o)}
              </>
            }
            extra={<Tag color={stateColour[o.state]}>{t(`orders.states.${o.state}`)}</Tag>}
          >
            <span className="lf-order-item-title">{o.title}</span>
            {o.urgency === 'urgent' && (
              <Tag color="danger" className="lf-order-urgent">
                {t('orders.urgencies.urgent')}
              </Tag>
            )}
          </List.Item>
        ))}
      </List>
      {query.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('orders.mine.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
