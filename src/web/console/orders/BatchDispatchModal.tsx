/**
 * 批量派单: the engine's assignment of every reviewed order the caller's level handles, all at once at
 * the least total cost. The dispatcher sees each order, whom it goes to, how far, why and at what
 * cost, may leave some out, and confirms; nothing is sent before that.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Modal, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { type BatchAssignment, useBatchConfirm, useBatchPreview } from '../../orders/ops-data.js';

export const distanceText = (km: number) =>
  km < 1 ? `${Math.max(10, Math.round(km * 100) * 10)} m` : `${km.toFixed(1)} km`;

const knownReasons = ['no-location', 'no-candidates', 'no-capacity'] as const;
const isKnownReason = (r: string): r is (typeof knownReasons)[number] =>
  (knownReasons as readonly string[]).includes(r);

export function BatchDispatchModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = useBatchPreview(open);
  const confirm = useBatchConfirm();
  const plan = preview.data;
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => setChosen(plan?.assignments.map((a) => a.orderId) ?? []), [plan]);
  const en = currentLanguage() === 'en';
  const picked = useMemo(() => plan?.assignments.filter((a) => chosen.includes(a.orderId)) ?? [], [plan, chosen]);
  const pickedCost = Math.round(picked.reduce((n, a) => n + a.cost, 0) * 100) / 100;
  const unassignedByReason = useMemo(() => {
    const counts = new Map<string, number>();
    for (const u of plan?.unassigned ?? []) counts.set(u.reason, (counts.get(u.reason) ?? 0) + 1);
    return [...counts];
  }, [plan]);

  const send = () =>
    confirm.mutate(
      {
        body: {
          mode: 'confirm',
          assignments: picked.map((a) => ({ orderId: a.orderId, volunteerId: a.volunteerId })),
        },
      },
      {
        onSuccess: (result) => {
          if (result.failed.length)
            void message.warning(
              t('orders.batch.partly', { ok: result.dispatched.length, failed: result.failed.length }),
            );
          else void message.success(t('orders.batch.done', { count: result.dispatched.length }));
          onClose();
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );

  const columns: TableColumnsType<BatchAssignment> = [
    {
      title: t('orders.batch.order'),
      key: 'order',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{a.title}</Typography.Text>
          <Typography.Text type="secondary">{a.number}</Typography.Text>
        </Space>
      ),
    },
    { title: t('orders.batch.volunteer'), dataIndex: 'name', key: 'name' },
    {
      title: t('orders.batch.distance'),
      key: 'distance',
      align: 'right',
      render: (_, a) => distanceText(a.walkKm),
    },
    {
      title: t('orders.batch.reasons'),
      key: 'reasons',
      responsive: ['md'],
      render: (_, a) => <Typography.Text type="secondary">{en ? a.reasonsEn : a.reasons}</Typography.Text>,
    },
    { title: t('orders.batch.cost'), dataIndex: 'cost', key: 'cost', align: 'right' },
  ];

  const count = picked.length;
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('orders.batch.title')}
      width={960}
      destroyOnHidden
      footer={
        <div className="lf-batch-footer">
          <Typography.Text className="lf-batch-total">
            {plan && plan.assignments.length > 0 ? t('orders.batch.totalCost', { cost: pickedCost }) : null}
          </Typography.Text>
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => void preview.refetch()} loading={preview.isFetching}>
              {t('orders.batch.refresh')}
            </Button>
            <Button
              type="primary"
              disabled={count === 0 || preview.isFetching}
              loading={confirm.isPending}
              onClick={send}
            >
              {t('orders.batch.confirm', { count })}
            </Button>
          </Space>
        </div>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('orders.batch.intro')}
        </Typography.Paragraph>
        {preview.isError && (
          <Alert
            type="error"
            showIcon
            title={errorText(preview.error)}
            action={<Button onClick={() => void preview.refetch()}>{t('app.retry')}</Button>}
          />
        )}
        {unassignedByReason.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('orders.batch.unassigned', { count: plan?.unassigned.length ?? 0 })}
            description={unassignedByReason
              .map(
                ([reason, n]) =>
                  `${isKnownReason(reason) ? t(`orders.batch.unassignedReasons.${reason}`) : reason} × ${n}`,
              )
              .join('；')}
          />
        )}
        <Table<BatchAssignment>
          className="lf-batch-table"
          rowKey="orderId"
          size="small"
          columns={columns}
          dataSource={plan?.assignments ?? []}
          loading={preview.isPending && open}
          pagination={false}
          scroll={{ x: 'max-content', y: 420 }}
          rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]) }}
          locale={{ emptyText: <Empty description={t('orders.batch.empty')} /> }}
        />
      </Space>
    </Modal>
  );
}
