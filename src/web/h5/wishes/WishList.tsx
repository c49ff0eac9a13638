/** A page of wishes as cards (the wall, my wishes, my claims): title, state, community, deadline; paging and empty states. */
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button, Empty, List, Tag } from 'antd-mobile';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../orders/format.js';
import { H5Error, H5Loading } from '../people/states.js';
import { stateColour, type Wish, yuan } from './data.js';
import { useLiveWishes } from './live.js';

type Pages = InfiniteData<{ items: Wish[]; nextCursor: string | null }>;

export function WishList({
  query,
  empty,
  emptyAction,
  onOpen,
}: {
  query: UseInfiniteQueryResult<Pages>;
  empty: string;
  emptyAction?: ReactNode;
  onOpen: (wish: Wish) => void;
}) {
  const { t } = useTranslation();
  useLiveWishes();
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  if (query.isPending) return <H5Loading />;
  if (query.isError) return <H5Error error={query.error} onRetry={() => query.refetch()} />;
  if (rows.length === 0)
    return (
      <div className="lf-wish-empty">
        <Empty description={empty} />
        {emptyAction}
      </div>
    );
  return (
    <>
      <List mode="card" className="lf-wish-list">
        {rows.map((w) => (
          <List.Item
            key={w.id}
            onClick={() => onOpen(w)}
            description={
              <div className="lf-wish-meta">
                <span>{w.regionName}</span>
                <span>· {t(`wishes.groups.${w.beneficiaryGroup}`)}</span>
                <span>· {w.beneficiaryName}</span>
                {w.estimatedValueFen !== null && (
                  <span>· {t('wishes.yuan', { value: yuan(w.estimatedValueFen) })}</span>
                )}
                <span>
                  · {t('wishes.fields.deadline')} {dateTime(w.deadline)}
                </span>
              </div>
            }
            extra={<Tag color={stateColour[w.state]}>{t(`wishes.states.${w.state}`)}</Tag>}
          >
            <span className="lf-wish-item-title">{w.title}</span>
          </List.Item>
        ))}
      </List>
      {query.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('wishes.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
