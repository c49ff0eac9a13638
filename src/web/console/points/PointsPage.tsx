/**
 * 积分管理 (console): the points totals of the caller's scope, the earning rules (centre admins
 * change them) and the manual awards and deductions waiting for a second person's approval.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { $api, pathKey, refresh } from '../../api/queries.js';
import type { components } from '../../api/schema.js';
import { useMe } from '../../api/session.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { PageError, PageLoading, usePageTitle } from '../PageState.js';
import { RequestAdjustment } from './RequestAdjustment.js';

type Settings = components['schemas']['PointsSettings'];
type Adjustment = components['schemas']['PointsAdjustment'];

const summaryKey = pathKey('get', '/api/v1/points/summary');
const adjustmentsKey = pathKey('get', '/api/v1/points/adjustments');

export function PointsPage() {
  const { t } = useTranslation();
  usePageTitle(t('points.console.title'));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('points.console.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('points.console.intro')}</Typography.Text>
      </div>
      <Totals />
      <RequestAdjustment />
      <Adjustments />
      <Rules />
    </Space>
  );
}

function Totals() {
  const { t } = useTranslation();
  const summary = $api.useQuery('get', '/api/v1/points/summary');
  if (summary.isPending) return <PageLoading />;
  if (summary.isError) return <PageError error={summary.error} onRetry={() => summary.refetch()} />;
  const s = summary.data;
  const cells = [
    ['issued', s.issued],
    ['spent', s.spent],
    ['redeemed', s.redeemed],
    ['expired', s.expired],
    ['balanceNow', s.balance],
    ['owedNow', s.owed],
    ['holders', s.volunteersWithPoints],
  ] as const;
  return (
    <Row gutter={[16, 16]} data-testid="points-totals">
      {cells.map(([key, value]) => (
        <Col key={key} xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={t(`points.console.${key}`)} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Adjustments() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = $api.useQuery('get', '/api/v1/points/adjustments', {
    params: { query: { state: 'pending', limit: 100 } },
  });
  const onDone = (text: string) => ({
    onSuccess: () => {
      void message.success(text);
      void refresh(qc, adjustmentsKey, summaryKey);
    },
    onError: (err: unknown) => void message.error(errorText(err)),
  });
  const approve = $api.useMutation('post', '/api/v1/points/adjustments/{id}/approve');
  const reject = $api.useMutation('post', '/api/v1/points/adjustments/{id}/reject');
  const decide = (a: Adjustment, decision: 'approve' | 'reject') =>
    (decision === 'approve' ? approve : reject).mutate(
      { params: { path: { id: a.id } }, body: {}, headers: { 'Idempotency-Key': newIdempotencyKey() } },
      onDone(decision === 'approve' ? t('points.console.approved') : t('points.console.rejectedDone')),
    );
  return (
    <Card title={t('points.console.adjustments')}>
      {list.isError && <PageError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Adjustment>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('points.console.noPending') }}
        columns={[
          {
            title: t('points.console.volunteer'),
            key: 'v',
            render: (_, a) => `${a.volunteer.name}${a.volunteer.number ? ` (${a.volunteer.number})` : ''}`,
          },
          {
            title: t('points.console.amount'),
            key: 'amount',
            render: (_, a) => (
              <Tag color={a.amount > 0 ? 'green' : 'red'}>
                {a.amount > 0
                  ? `${t('points.console.award')} +${a.amount}`
                  : `${t('points.console.deduct')} ${a.amount}`}
              </Tag>
            ),
          },
          { title: t('points.console.reason'), dataIndex: 'reason', key: 'reason' },
          { title: t('points.console.requestedBy'), key: 'by', render: (_, a) => a.requestedBy.name },
          { title: t('points.console.requestedAt'), key: 'at', render: (_, a) => dateTime(a.requestedAt) },
          {
            title: '',
            key: 'actions',
            render: (_, a) =>
              a.can.decide ? (
                <Space>
                  <Button type="primary" size="small" onClick={() => decide(a, 'approve')}>
                    {t('points.console.approve')}
                  </Button>
                  <Button danger size="small" onClick={() => decide(a, 'reject')}>
                    {t('points.console.reject')}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('points.console.selfHint')}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}

function Rules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const settings = $api.useQuery('get', '/api/v1/points/settings');
  const save = $api.useMutation('put', '/api/v1/points/settings');
  const [form] = Form.useForm<Settings>();
  const canEdit = Boolean(me.data?.roles.some((r) => r.role === 'centre_admin'));
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (settings.isPending) return <PageLoading />;
  if (settings.isError) return <PageError error={settings.error} onRetry={() => settings.refetch()} />;
  return (
    <Card title={t('points.console.rules')} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('points.console.rulesHint')}</Typography.Paragraph>
      <Form<Settings>
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={settings.data}
        onFinish={(body) =>
          save.mutate(
            { body: { ...body, expiryMonths: body.expiryMonths ?? null } },
            {
              onSuccess: () => {
                void message.success(t('points.console.saved'));
                void refresh(qc, pathKey('get', '/api/v1/points/settings'));
              },
              onError: (err) => void message.error(errorText(err)),
            },
          )
        }
      >
        {(['pointsPerHour', 'activityCompletionPoints', 'fiveStarBonusPoints'] as const).map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`points.console.${name}`)}
            rules={[{ required: true }, { type: 'integer', min: 0, max: 1000 }]}
          >
            <InputNumber min={0} max={1000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        ))}
        <Form.Item
          name="expiryMonths"
          label={t('points.console.expiryMonths')}
          extra={t('points.console.expiryHint')}
          rules={[{ type: 'integer', min: 1, max: 120 }]}
        >
          <InputNumber min={1} max={120} precision={0} style={{ width: 200 }} />
        </Form.Item>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('points.console.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
