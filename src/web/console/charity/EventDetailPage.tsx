/**
 * One charity sale: its state and live totals, the stalls (add one with its keeper), every sale with
 * its reversal, and the close with reconciliation (counted cash against recorded; a difference needs a note).
 */
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { yuanOf } from '../../charity/strings.js';
import { formatDateTime } from '../../shared/time.js';
import { PageError, PageLoading, usePageTitle } from '../PageState.js';
import { type EventDetail, type Sale, useEvent, useReverseSale, useSales, useStepEvent } from './data.js';
import { AddStallModal, CloseEventModal } from './EventModals.js';
import { stateColour } from './EventsTab.js';
import { TextModal } from './TextModal.js';

export function EventDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useEvent(id);
  usePageTitle(event.data?.title ?? t('charity.console.title'));
  if (event.isPending) return <PageLoading />;
  if (event.isError) return <PageError error={event.error} onRetry={() => event.refetch()} />;
  return <EventView event={event.data} />;
}

function EventView({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useStepEvent();
  const [modal, setModal] = useState<'stall' | 'close' | null>(null);
  const run = (s: 'open' | 'publish') =>
    step.mutate({ id: event.id, step: s }, { onError: (err) => void message.error(errorText(err)) });
  const reconciled = event.countedCashFen !== null && event.recordedCashFen !== null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/console/charity/events">← {t('charity.console.tabs.events')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {event.title} <Tag color={stateColour[event.state]}>{t(`charity.eventStates.${event.state}`)}</Tag>
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('charity.console.events.heldOn')}>{event.heldOn}</Descriptions.Item>
        <Descriptions.Item label={t('charity.console.events.address')}>{event.address}</Descriptions.Item>
        <Descriptions.Item label={t('charity.console.events.fund')}>{event.fund.name}</Descriptions.Item>
        <Descriptions.Item label={t('charity.console.events.total')}>
          <span data-testid="event-total">¥{yuanOf(event.totals.totalFen)}</span> ·{' '}
          {t('charity.stall.sales', { count: event.totals.sales })}
        </Descriptions.Item>
        <Descriptions.Item label={t('charity.console.events.recorded')}>
          ¥{yuanOf(event.totals.cashFen)}
        </Descriptions.Item>
        {reconciled && (
          <Descriptions.Item label={t('charity.console.events.reconcile')}>
            {t('charity.console.events.reconciled', {
              counted: `¥${yuanOf(event.countedCashFen ?? 0)}`,
              recorded: `¥${yuanOf(event.recordedCashFen ?? 0)}`,
            })}
            {event.reconcileNote ? ` · ${event.reconcileNote}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap>
        {event.actions.open && (
          <Button type="primary" loading={step.isPending} onClick={() => run('open')}>
            {t('charity.console.events.open')}
          </Button>
        )}
        {event.actions.close && (
          <Button type="primary" onClick={() => setModal('close')}>
            {t('charity.console.events.reconcile')}
          </Button>
        )}
        {event.actions.publish && (
          <Button type="primary" loading={step.isPending} onClick={() => run('publish')}>
            {t('charity.console.events.publish')}
          </Button>
        )}
        {event.state === 'reported' && (
          <a href={`/charity/report/${event.id}`} target="_blank" rel="noreferrer">
            {t('charity.console.events.publicReport')}
          </a>
        )}
      </Space>
      <Card
        title={t('charity.console.events.stalls')}
        extra={
          event.state === 'planned' || event.state === 'open' ? (
            <Button onClick={() => setModal('stall')}>{t('charity.console.stalls.add')}</Button>
          ) : null
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={event.stalls}
          scroll={{ x: true }}
          columns={[
            { title: t('charity.console.stalls.name'), dataIndex: 'name' },
            { title: t('charity.console.stalls.holderName'), dataIndex: 'holderName' },
            {
              title: t('charity.console.stalls.category'),
              render: (_, s) => s.categoryLabel ?? t(`charity.categories.${s.category}`),
            },
            { title: t('charity.console.stalls.keeper'), render: (_, s) => s.keeper.name },
            { title: t('charity.console.events.total'), render: (_, s) => `¥${yuanOf(s.totals.totalFen)}` },
          ]}
        />
      </Card>
      <SalesCard event={event} />
      <AddStallModal eventId={event.id} open={modal === 'stall'} onClose={() => setModal(null)} />
      <CloseEventModal event={event} open={modal === 'close'} onClose={() => setModal(null)} />
    </Space>
  );
}

function SalesCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sales = useSales(event.id);
  const reverse = useReverseSale();
  const [target, setTarget] = useState<Sale | null>(null);
  const stallName = new Map(event.stalls.map((s) => [s.id, s.name]));
  const rows = sales.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('charity.console.events.sales')}>
      <Table<Sale>
        rowKey="id"
        size="small"
        loading={sales.isPending}
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t('charity.console.sales.at'), render: (_, s) => formatDateTime(s.recordedAt) },
          { title: t('charity.console.sales.stall'), render: (_, s) => stallName.get(s.stallId) ?? '' },
          { title: t('charity.console.sales.amount'), render: (_, s) => `¥${yuanOf(s.amountFen)}` },
          { title: t('charity.console.sales.method'), render: (_, s) => t(`charity.methods.${s.method}`) },
          { title: t('charity.console.sales.ref'), render: (_, s) => s.paymentRef ?? '' },
          { title: t('charity.console.sales.item'), render: (_, s) => s.item ?? '' },
          {
            title: t('charity.console.actions'),
            render: (_, s) =>
              s.reversal ? (
                <Tag color="red">{t('charity.console.sales.reversed', { reason: s.reversal.reason ?? '' })}</Tag>
              ) : event.state === 'open' ? (
                <Button size="small" danger onClick={() => setTarget(s)}>
                  {t('charity.console.sales.reverse')}
                </Button>
              ) : null,
          },
        ]}
      />
      {sales.hasNextPage && (
        <Button onClick={() => void sales.fetchNextPage()} loading={sales.isFetchingNextPage}>
          {t('charity.console.sales.more')}
        </Button>
      )}
      <TextModal
        open={target !== null}
        title={t('charity.console.sales.reverse')}
        label={t('charity.console.sales.reason')}
        limit={textLimits.charityReason}
        busy={reverse.isPending}
        onCancel={() => setTarget(null)}
        onOk={(reason) =>
          target &&
          reverse.mutate(
            { id: target.id, reason },
            {
              onSuccess: () => setTarget(null),
              onError: (err) => void message.error(errorText(err)),
            },
          )
        }
      />
    </Card>
  );
}
