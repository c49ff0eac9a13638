import { Badge, Button, Empty, List } from 'antd-mobile';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Notification, useMarkAllRead, useMarkRead, useNotifications } from '../../people/data.js';
import { notificationText } from '../../shared/notification-text.js';
import { formatDateTime } from '../../shared/time.js';
import { H5Error, H5Loading, useH5Title } from './states.js';

/** 消息: the in-app inbox, newest first; opening a message marks it read and follows its link. */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useH5Title(t('people.inbox.title'));
  const inbox = useNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const rows = useMemo(() => inbox.data?.pages.flatMap((p) => p.items) ?? [], [inbox.data]);
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate({ params: { path: { id: n.id } } });
    if (n.link?.startsWith('/')) navigate(n.link);
  };

  return (
    <div className="lf-h5-page">
      <div className="lf-h5-heading-row">
        <h1 className="lf-h5-heading">{t('people.inbox.title')}</h1>
        <span className="lf-h5-muted">
          {unread > 0 ? t('people.inbox.unread', { count: unread }) : t('people.inbox.allRead')}
        </span>
      </div>
      {unread > 0 && (
        <div className="lf-h5-block">
          <Button size="small" fill="outline" loading={markAllRead.isPending} onClick={() => markAllRead.mutate({})}>
            {t('people.inbox.markAll')}
          </Button>
        </div>
      )}
      {inbox.isPending && <H5Loading />}
      {inbox.isError && <H5Error error={inbox.error} onRetry={() => inbox.refetch()} />}
      {inbox.isSuccess && rows.length === 0 && <Empty description={t('people.inbox.empty')} />}
      {rows.length > 0 && (
        <List mode="card" className="lf-h5-inbox">
          {rows.map((n) => {
            const text = notificationText(n);
            return (
              <List.Item
                key={n.id}
                onClick={() => open(n)}
                arrowIcon={!!n.link}
                description={
                  <>
                    {text.body && <div>{text.body}</div>}
                    <div className="lf-h5-muted">{formatDateTime(n.createdAt)}</div>
                  </>
                }
                prefix={n.readAt ? <span className="lf-h5-dot-space" /> : <Badge content={Badge.dot} />}
              >
                <span className={n.readAt ? 'lf-h5-read' : 'lf-h5-unread'}>{text.title}</span>
              </List.Item>
            );
          })}
        </List>
      )}
      {inbox.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
            {t('people.inbox.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
