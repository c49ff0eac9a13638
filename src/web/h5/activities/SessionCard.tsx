/** One occurrence in a list: title, time, place, seats and the caller's own sign-up. */
import { Button, Empty, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionItem } from '../../activities/data.js';
import { cancelledSessionText, distance, sessionTime, signupColour } from '../../activities/format.js';
import { currentLanguage } from '../../i18n/index.js';
import { H5Error, H5Loading } from '../people/states.js';

export function SessionRow({ item, onOpen }: { item: SessionItem; onOpen: () => void }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const full = item.taken >= item.quota;
  return (
    <List.Item
      onClick={onOpen}
      description={
        <>
          <div>{sessionTime(item.startsAt, item.endsAt)}</div>
          <div className="lf-h5-muted">
            {item.activity.site?.name ?? item.activity.address}
            {item.distanceM !== null
              ? ` · ${t('activities.search.distance', { distance: distance(item.distanceM) })}`
              : ''}
          </div>
          {item.cancelled ? (
            <div className="lf-act-cancelled">{cancelledSessionText(t, item)}</div>
          ) : (
            <div className="lf-h5-muted">
              {item.activity.organisation.name} · {full ? t('activities.full') : t('activities.seats', item)}
              {item.waitlisted > 0 ? ` · ${t('activities.waitlist', { count: item.waitlisted })}` : ''}
            </div>
          )}
        </>
      }
      extra={
        item.mySignup && (
          <Tag color={signupColour[item.mySignup.state]}>
            {en ? item.mySignup.stateLabel.en : item.mySignup.stateLabel.zh}
          </Tag>
        )
      }
    >
      <span className="lf-act-title">{item.activity.title}</span>{' '}
      {item.activity.series && (
        <Tag color="primary" fill="outline">
          {item.activity.series}
        </Tag>
      )}{' '}
      <Tag fill="outline">{en ? item.activity.category.nameEn : item.activity.category.name}</Tag>
    </List.Item>
  );
}

interface SessionPages {
  data?: { pages: { items: SessionItem[] }[] };
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** A paged list of occurrences with its loading, error and empty states and a "load more" button. */
export function SessionList({ query, empty }: { query: SessionPages; empty: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {query.isPending && <H5Loading />}
      {query.isError && <H5Error error={query.error} onRetry={() => query.refetch()} />}
      {query.isSuccess && rows.length === 0 && <Empty description={empty} />}
      {rows.length > 0 && (
        <List mode="card" className="lf-act-list">
          {rows.map((item) => (
            <SessionRow
              key={item.id}
              item={item}
              onOpen={() => navigate(`/h5/activities/${item.activity.id}?session=${item.id}`)}
            />
          ))}
        </List>
      )}
      {query.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('orders.menu.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
