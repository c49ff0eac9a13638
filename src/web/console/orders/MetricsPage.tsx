/**
 * 服务质量 (staff): per station, institute or team in the caller's scope — orders, median time to
 * accept, acceptance rate, completion rate and satisfaction (rated 4–5 / rated) — as a table anyone
 * can read and sort, with a chart of the busiest ones (ECharts, loaded only on this page).
 */
import {
  Alert,
  Card,
  Col,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Component, type ReactNode, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../../app/lazy.js';
import type { MetricsGroup, MetricsRow } from '../../orders/ops-data.js';
import { useOrderMetrics } from '../../orders/ops-data.js';
import '../../orders/strings.js';
import { tenantMidnight } from '../../shared/time.js';
import { PageError, usePageTitle } from '../PageState.js';
import './orders.css';

const MetricsChart = lazyNamed(() => import('./MetricsChart.js'), 'MetricsChart');

type Period = '30' | '365' | 'all';
const CHART_ROWS = 12;

/** Midnight in the tenant's zone `days` days ago, so the query stays the same for the whole day. */
const since = (days: number) => tenantMidnight(days).toISOString();

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

export function MetricsPage() {
  const { t } = useTranslation();
  usePageTitle(t('orders.metrics.title'));
  const [groupBy, setGroupBy] = useState<MetricsGroup>('station');
  const [period, setPeriod] = useState<Period>('365');
  const from = useMemo(() => (period === 'all' ? undefined : since(Number(period))), [period]);
  const metrics = useOrderMetrics({ groupBy, from });
  const rows = metrics.data?.items ?? [];
  const totals = useMemo(() => {
    const orders = rows.reduce((n, r) => n + r.orders, 0);
    const rated = rows.reduce((n, r) => n + r.rated, 0);
    const satisfied = rows.reduce((n, r) => n + (r.satisfaction ?? 0) * r.rated, 0);
    return { orders, rated, satisfaction: rated ? satisfied / rated : null };
  }, [rows]);

  const minutes = (m: number | null) =>
    m === null
      ? '—'
      : m < 90
        ? t('orders.metrics.minutes', { count: Math.round(m) })
        : t('orders.metrics.hours', { count: Math.round(m / 6) / 10 });
  const byNumber = (pick: (r: MetricsRow) => number | null) => (a: MetricsRow, b: MetricsRow) =>
    (pick(a) ?? -1) - (pick(b) ?? -1);

  const columns: TableColumnsType<MetricsRow> = [
    { title: t('orders.metrics.name'), dataIndex: 'name', key: 'name', fixed: 'left' },
    {
      title: t('orders.metrics.orders'),
      dataIndex: 'orders',
      key: 'orders',
      align: 'right',
      sorter: byNumber((r) => r.orders),
      defaultSortOrder: 'descend',
      render: (_, r) => (
        <span>
          {r.orders}
          {r.synthetic > 0 && (
            <Tag className="lf-synthetic" style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>
              {t('orders.syntheticCount', { count: r.synthetic })}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('orders.metrics.medianAccept'),
      key: 'median',
      align: 'right',
      sorter: byNumber((r) => r.medianAcceptMinutes),
      render: (_, r) => minutes(r.medianAcceptMinutes),
    },
    {
      title: t('orders.metrics.acceptanceRate'),
      key: 'acceptance',
      align: 'right',
      sorter: byNumber((r) => r.acceptanceRate),
      render: (_, r) => percent(r.acceptanceRate),
    },
    {
      title: t('orders.metrics.completionRate'),
      key: 'completion',
      align: 'right',
      sorter: byNumber((r) => r.completionRate),
      render: (_, r) => percent(r.completionRate),
    },
    {
      title: t('orders.metrics.satisfaction'),
      key: 'satisfaction',
      align: 'right',
      sorter: byNumber((r) => r.satisfaction),
      render: (_, r) => (
        <span className="lf-metrics-satisfaction">
          {percent(r.satisfaction)}
          <Typography.Text type="secondary"> · {t('orders.metrics.rated', { count: r.rated })}</Typography.Text>
        </span>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('orders.metrics.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('orders.metrics.intro')}</Typography.Text>
      </div>
      <Space wrap>
        <Segmented<MetricsGroup>
          aria-label={t('orders.metrics.name')}
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'station', label: t('orders.metrics.byStation') },
            { value: 'institute', label: t('orders.metrics.byInstitute') },
            { value: 'team', label: t('orders.metrics.byTeam') },
          ]}
        />
        <Segmented<Period>
          aria-label={t('orders.metrics.period')}
          value={period}
          onChange={setPeriod}
          options={[
            { value: '30', label: t('orders.metrics.last30') },
            { value: '365', label: t('orders.metrics.last365') },
            { value: 'all', label: t('orders.metrics.all') },
          ]}
        />
      </Space>
      {rows.some((r) => r.synthetic > 0) && <Alert type="info" showIcon title={t('orders.syntheticHint')} />}
      {metrics.isError && <PageError error={metrics.error} onRetry={() => metrics.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Card data-testid="metrics-orders">
            <Statistic title={t('orders.metrics.totalOrders')} value={totals.orders} loading={metrics.isPending} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card data-testid="metrics-rated">
            <Statistic title={t('orders.metrics.totalRated')} value={totals.rated} loading={metrics.isPending} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card data-testid="metrics-satisfaction">
            <Statistic
              title={t('orders.metrics.overallSatisfaction')}
              value={percent(totals.satisfaction)}
              loading={metrics.isPending}
            />
          </Card>
        </Col>
      </Row>
      {rows.length > 0 && (
        <Card size="small" title={t('orders.metrics.chartTitle', { count: Math.min(rows.length, CHART_ROWS) })}>
          <ChartBoundary fallback={<Alert type="warning" showIcon title={t('orders.metrics.chartFailed')} />}>
            <Suspense fallback={<div className="lf-metrics-chart" />}>
              <MetricsChart rows={rows.slice(0, CHART_ROWS)} />
            </Suspense>
          </ChartBoundary>
        </Card>
      )}
      <Card>
        <Table<MetricsRow>
          className="lf-metrics-table"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          loading={metrics.isPending || metrics.isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('orders.metrics.empty') }}
        />
      </Card>
    </Space>
  );
}

/** A chart that fails to load (a stale chunk after a deploy) leaves the table usable. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
