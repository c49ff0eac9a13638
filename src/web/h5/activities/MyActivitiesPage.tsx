/** 我的活动: the occurrences I signed up for, coming and past. */
import { Button, CapsuleTabs, Empty, List } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMySignups } from '../../activities/data.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { SessionRow } from './SessionCard.js';
import './activities.css';

export function MyActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [view, setView] = useState<'upcoming' | 'past'>('upcoming');
  const mine = useMySignups(view);
  const rows = useMemo(() => mine.data?.pages.flatMap((p) => p.items) ?? [], [mine.data]);
  return (
    <SubPage title={t('activities.mine')} back="/h5/activities">
      <CapsuleTabs activeKey={view} onChange={(k) => setView(k as 'upcoming' | 'past')}>
        <CapsuleTabs.Tab key="upcoming" title={t('activities.my.upcoming')} />
        <CapsuleTabs.Tab key="past" title={t('activities.my.past')} />
      </CapsuleTabs>
      {mine.isPending && <H5Loading />}
      {mine.isError && <H5Error error={mine.error} onRetry={() => mine.refetch()} />}
      {mine.isSuccess && rows.length === 0 && <Empty description={t('activities.my.empty')}></Empty>}
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
      {mine.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void mine.fetchNextPage()} loading={mine.isFetchingNextPage}>
            {t('orders.menu.loadMore')}
          </Button>
        </div>
      )}
      <div className="lf-h5-block">
        <Button block fill="outline" color="primary" onClick={() => navigate('/h5/activities')}>
          {t('activities.my.toList')}
        </Button>
      </div>
    </SubPage>
  );
}
