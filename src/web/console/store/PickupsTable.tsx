import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time.js';
import type { DeskRedemption } from './data.js';

export function PickupsTable({ items, loading }: { items: DeskRedemption[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<DeskRedemption>
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('store.desk.noPickups') }}
      scroll={{ x: true }}
      columns={[
        {
          title: t('store.desk.pickedAt'),
          key: 'at',
          render: (_, r) => (r.closedAt ? formatDateTime(r.closedAt) : ''),
        },
        { title: t('store.desk.volunteer'), dataIndex: 'volunteerName', key: 'who' },
        { title: t('store.desk.goods'), key: 'goods', render: (_, r) => `${r.goodsName} × ${r.quantity}` },
        { title: t('store.desk.points'), dataIndex: 'points', key: 'points' },
      ]}
    />
  );
}
