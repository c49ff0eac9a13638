/** 我的积分: the balance, what is still owed, and the statement (reason, amount, balance after), paged. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../activities/format.js';
import { api, call } from '../../api/client.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';

const PAGE = 20;

const redemptionColors = {
  reserved: 'warning',
  fulfilled: 'success',
  cancelled: 'default',
  expired: 'default',
} as const;

export function useMyPoints() {
  return useInfiniteQuery({
    queryKey: ['points', 'me'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/me/points', {
          params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

const knownKinds = [
  'points.earn.hours',
  'points.earn.hours.reversal',
  'points.earn.activity',
  'points.earn.rating',
  'points.adjust.award',
  'points.adjust.deduct',
  'points.recover',
  'points.expire',
  'points.redeem.hold',
  'points.redeem.cancel',
  'points.redeem.expire',
] as const;
type KnownKind = (typeof knownKinds)[number];

export function MyPointsPage() {
  const { t } = useTranslation();
  const q = useMyPoints();
  const first = q.data?.pages[0];
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const kindLabel = (kind: string) =>
    (knownKinds as readonly string[]).includes(kind) ? t(`points.kinds.${kind as KnownKind}`) : t('points.kinds.other');
  return (
    <SubPage title={t('points.title')} back="/h5/mine">
      {q.isPending && <H5Loading />}
      {q.isError && <H5Error error={q.error} onRetry={() => q.refetch()} />}
      {first && (
        <Card className="lf-h5-card">
          <div className="lf-h5-muted">{t('points.balance')}</div>
          <div className="lf-hours-total" data-testid="points-balance">
            {first.balance}
          </div>
          {first.owed > 0 && <div className="lf-h5-muted">{t('points.owed', { points: first.owed })}</div>}
        </Card>
      )}
      {first && (
        <List header={t('points.statement')} mode="card" data-testid="points-statement">
          {items.length === 0 && <List.Item>{t('points.empty')}</List.Item>}
          {items.map((line) => (
            <List.Item
              key={line.entryId}
              data-testid="points-line"
              data-entry={line.entryId}
              description={
                <>
                  {line.reason && <div data-testid="points-reason">{line.reason}</div>}
                  <div>
                    {dateTime(line.createdAt)} ·{' '}
                    <span data-testid="points-after">{t('points.after', { balance: line.balanceAfter })}</span>
                  </div>
                </>
              }
              extra={
                <div style={{ textAlign: 'right' }}>
                  <div
                    data-testid="points-amount"
                    style={{
                      color: line.amount > 0 ? 'var(--adm-color-success)' : 'var(--adm-color-danger)',
                      fontSize: '1.1em',
                    }}
                  >
                    {line.amount > 0 ? `+${line.amount}` : line.amount}
                  </div>
                  {line.reversedById && <Tag color="default">{t('points.reversed')}</Tag>}
                  {line.redemptionStatus && (
                    <Tag color={redemptionColors[line.redemptionStatus]} data-testid="points-redemption-status">
                      {t(`points.redemption.${line.redemptionStatus}`)}
                    </Tag>
                  )}
                </div>
              }
            >
              {kindLabel(line.kind)}
            </List.Item>
          ))}
        </List>
      )}
      {items.length > 0 && (
        <div className="lf-h5-block">
          {q.hasNextPage ? (
            <Button block fill="outline" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
              {t('points.more')}
            </Button>
          ) : (
            <div className="lf-h5-muted" style={{ textAlign: 'center' }}>
              {t('points.end')}
            </div>
          )}
        </div>
      )}
    </SubPage>
  );
}
