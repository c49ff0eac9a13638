/**
 * 订单 (keeper, dispatcher): the queue of the caller's level sorted by deadline, or every order in
 * scope, with filters by state and place; one order opens in a drawer (/console/orders/:id).
 */
import { EnvironmentOutlined, NodeIndexOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type Order, type OrderState, orderStates, type StaffOrderFilter, useStaffOrders } from '../../orders/data.js';
import { dateTime, timeWindow } from '../../orders/format.js';
import { useLiveOrders } from '../../orders/live.js';
import { ListFooter, PageHead, RegionFilter } from '../ListFrame.js';
import { PageError, usePageTitle } from '../PageState.js';
import { BatchDispatchModal } from './BatchDispatchModal.js';
import { consoleStateColour } from './colours.js';
import { DispatchMapCard } from './DispatchMapCard.js';
import { OrderDrawer } from './OrderDrawer.js';
import { PlaceForResidentModal } from './PlaceForResidentModal.js';
import './orders.css';

/** The deadline that matters now: review for a new order, acceptance once dispatched. */
export const deadlineOf = (o: Order) => (o.state === 'submitted' ? o.reviewDueAt : o.acceptDueAt);

export function OrdersPage() {
  const { t } = useTranslation();
  usePageTitle(t('orders.console.title'));
  const { id } = useParams();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<StaffOrderFilter>({ queue: 'mine' });
  const [placing, setPlacing] = useState(false);
  const [batching, setBatching] = useState(false);
  const [mapShown, setMapShown] = useState(false);
  const orders = useStaffOrders(filter);
  useLiveOrders();
  const rows = useMemo(() => orders.data?.pages.flatMap((p) => p.items) ?? [], [orders.data]);
  const now = Date.now();

  const columns: TableColumnsType<Order> = [
    {
      title: t('orders.fields.service'),
      key: 'title',
      render: (_, o) => (
        <Space size={4} wrap>
          <Button type="link" className="lf-orders-open" onClick={() => navigate(`/console/orders/${o.id}`)}>
            {o.title}
          </Button>
          {o.urgency === 'urgent' && <Tag color="red">{t('orders.urgencies.urgent')}</Tag>}
          {o.escalations > 0 && <Tag color="orange">{t('orders.console.escalated')}</Tag>}
          {o.synthetic && <Tag className="lf-synthetic">{t('orders.synthetic')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('orders.fields.state'),
      key: 'state',
      render: (_, o) => <Tag color={consoleStateColour[o.state]}>{t(`orders.states.${o.state}`)}</Tag>,
    },
    {
      title: t('orders.fields.deadline'),
      key: 'deadline',
      render: (_, o) => {
        const due = deadlineOf(o);
        if (!due || !['submitted', 'reviewed', 'dispatched'].includes(o.state)) return '—';
        const late = Date.parse(due) < now;
        return (
          <Typography.Text type={late ? 'danger' : undefined}>
            {dateTime(due)}
            {late ? ` · ${t('orders.console.overdue')}` : ''}
          </Typography.Text>
        );
      },
    },
    { title: t('orders.fields.community'), key: 'region', render: (_, o) => o.regionName },
    {
      title: t('orders.fields.window'),
      key: 'window',
      responsive: ['lg'],
      render: (_, o) => timeWindow(o.windowStart, o.windowEnd),
    },
    { title: t('orders.fields.handler'), key: 'handler', responsive: ['xl'], render: (_, o) => o.handlerRegionName },
    { title: t('orders.fields.number'), dataIndex: 'number', key: 'number', responsive: ['xl'] },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHead
        title={t('orders.console.title')}
        intro={t('orders.console.intro')}
        actions={
          <Space wrap>
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => setPlacing(true)}>
              {t('orders.console.placeForResident')}
            </Button>
            <Button
              icon={<EnvironmentOutlined />}
              aria-pressed={mapShown}
              type={mapShown ? 'primary' : 'default'}
              ghost={mapShown}
              onClick={() => setMapShown((v) => !v)}
            >
              {t('orders.map.title')}
            </Button>
            <Button icon={<NodeIndexOutlined />} onClick={() => setBatching(true)}>
              {t('orders.batch.open')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void orders.refetch()} loading={orders.isRefetching}>
              {t('orders.console.refresh')}
            </Button>
          </Space>
        }
      />
      {mapShown && <DispatchMapCard orders={rows} onOpen={(orderId) => navigate(`/console/orders/${orderId}`)} />}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<StaffOrderFilter['queue']>
            value={filter.queue}
            onChange={(queue) => setFilter((f) => ({ ...f, queue }))}
            options={[
              { value: 'mine', label: t('orders.console.queueMine') },
              { value: 'all', label: t('orders.console.queueAll') },
            ]}
          />
          <Select<OrderState>
            allowClear
            aria-label={t('orders.fields.state')}
            placeholder={t('orders.console.allStates')}
            value={filter.state}
            onChange={(state) => setFilter((f) => ({ ...f, state }))}
            options={orderStates.map((s) => ({ value: s, label: t(`orders.states.${s}`) }))}
            style={{ minWidth: 130 }}
          />
          <RegionFilter
            label={t('orders.fields.community')}
            placeholder={t('orders.console.allRegions')}
            value={filter.regionCode}
            onChange={(regionCode) => setFilter((f) => ({ ...f, regionCode }))}
          />
        </Space>
        {orders.isError && <PageError error={orders.error} onRetry={() => orders.refetch()} />}
        <Table<Order>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={orders.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          rowClassName={(o) => (o.id === id ? 'lf-orders-selected' : '')}
          locale={{
            emptyText: (
              <Empty
                description={filter.queue === 'mine' ? t('orders.console.emptyMine') : t('orders.console.empty')}
              />
            ),
          }}
        />
        <ListFooter
          list={orders}
          count={rows.length}
          shown={(count) => t('orders.console.shown', { count })}
          allShown={(count) => t('orders.console.allShown', { count })}
        />
      </Card>
      <OrderDrawer id={id ?? null} onClose={() => navigate('/console/orders')} />
      <BatchDispatchModal open={batching} onClose={() => setBatching(false)} />
      <PlaceForResidentModal
        open={placing}
        onClose={() => setPlacing(false)}
        onPlaced={(orderId) => {
          setPlacing(false);
          navigate(`/console/orders/${orderId}`);
        }}
      />
    </Space>
  );
}
