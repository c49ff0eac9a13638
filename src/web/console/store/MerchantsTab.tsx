/** Caring merchants: what each donated to the stores of the scope, and how many of those were redeemed. */
import { Button, Drawer, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError } from '../PageState.js';
import { type Merchant, useDonations, useMerchants } from './data.js';

export function MerchantsTab() {
  const { t } = useTranslation();
  const merchants = useMerchants();
  const [open, setOpen] = useState<Merchant | null>(null);
  const donations = useDonations(open?.id ?? null);
  if (merchants.isError) return <PageError error={merchants.error} onRetry={() => merchants.refetch()} />;
  return (
    <>
      <Table<Merchant>
        rowKey="id"
        loading={merchants.isPending}
        dataSource={merchants.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('store.desk.merchantName'), dataIndex: 'name', key: 'name' },
          { title: t('store.desk.donations'), dataIndex: 'donations', key: 'donations' },
          { title: t('store.desk.donatedQuantity'), dataIndex: 'donatedQuantity', key: 'donated' },
          { title: t('store.desk.redeemedQuantity'), dataIndex: 'redeemedQuantity', key: 'redeemed' },
          {
            title: '',
            key: 'open',
            render: (_, m) => (
              <Button type="link" onClick={() => setOpen(m)}>
                {t('store.desk.donationList')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.name} size={520}>
        <Table
          rowKey="id"
          size="small"
          loading={donations.isPending && !!open}
          dataSource={donations.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('store.desk.donatedOn'), dataIndex: 'donatedOn', key: 'on' },
            { title: t('store.desk.goods'), dataIndex: 'goodsName', key: 'goods' },
            { title: t('store.desk.quantity'), dataIndex: 'quantity', key: 'q' },
            { title: t('store.desk.site'), dataIndex: 'siteName', key: 'site' },
            { title: t('store.desk.note'), key: 'note', render: (_, d) => d.note ?? '' },
          ]}
        />
      </Drawer>
    </>
  );
}
