/** Outgoing messages (SMS, WeChat, …) for centre admins: what waits, what was sent, what is dead and why. */
import { App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../shared/time.js';
import { type OutboxMessage, type OutboxStatus, useOutboxMessages, useRetryOutboxMessage } from './outbox-data.js';
import { PageError, usePageTitle } from './PageState.js';

const channelKeys = {
  sms: 'console.outbox.channels.sms',
  wechat: 'console.outbox.channels.wechat',
  email: 'console.outbox.channels.email',
  webhook: 'console.outbox.channels.webhook',
} as const;

const statusColor: Record<OutboxStatus, string> = { pending: 'processing', sent: 'success', dead: 'error' };

export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('console.outbox.title'));
  const { message } = App.useApp();
  const [status, setStatus] = useState<OutboxStatus | 'all'>('dead');
  const list = useOutboxMessages(status === 'all' ? undefined : status);
  const retry = useRetryOutboxMessage();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('console.outbox.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('console.outbox.intro')}</Typography.Text>
      </div>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as OutboxStatus | 'all')}
        options={(['dead', 'pending', 'sent', 'all'] as const).map((s) => ({
          value: s,
          label: t(`console.outbox.status.${s}`),
        }))}
      />
      {list.isError && <PageError error={list.error} onRetry={() => list.refetch()} />}
      <Table<OutboxMessage>
        rowKey="id"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('console.outbox.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          {
            title: t('console.outbox.channel'),
            dataIndex: 'channel',
            render: (v: OutboxMessage['channel']) => t(channelKeys[v]),
          },
          { title: t('console.outbox.recipient'), dataIndex: 'recipient' },
          {
            title: t('console.outbox.statusLabel'),
            dataIndex: 'status',
            render: (v: OutboxStatus) => <Tag color={statusColor[v]}>{t(`console.outbox.status.${v}`)}</Tag>,
          },
          { title: t('console.outbox.attempts'), dataIndex: 'attempts' },
          { title: t('console.outbox.lastError'), dataIndex: 'lastError', render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'actions',
            render: (_, m) =>
              m.can.retry ? (
                <Button
                  size="small"
                  loading={retry.isPending && retry.variables?.params.path.id === m.id}
                  onClick={() =>
                    retry.mutate(
                      { params: { path: { id: m.id } } },
                      { onSuccess: () => void message.success(t('console.outbox.retried')) },
                    )
                  }
                >
                  {t('console.outbox.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
      {list.hasNextPage && (
        <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('console.outbox.more')}
        </Button>
      )}
    </Space>
  );
}

export const formatTime = formatDateTimeSeconds;
