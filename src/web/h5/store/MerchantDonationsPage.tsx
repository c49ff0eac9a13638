/** 爱心商户: the merchants I manage, the goods each donated, and how many were redeemed or wait for pickup. */
import { Card, ErrorBlock, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { useMyMerchants } from './data.js';
import './store.css';

export function MerchantDonationsPage() {
  const { t } = useTranslation();
  const list = useMyMerchants();
  return (
    <SubPage title={t('store.merchant.title')} back="/h5/store">
      {list.isPending && <H5Loading />}
      {list.isError && <H5Error error={list.error} onRetry={() => list.refetch()} />}
      {list.data?.items.length === 0 && <ErrorBlock status="empty" title={t('store.merchant.none')} description="" />}
      {list.data?.items.map((m) => (
        <Card key={m.id} className="lf-h5-card" title={m.name} data-testid="merchant">
          <div className="lf-h5-muted">
            {t('store.merchant.totals', { donated: m.donatedQuantity, redeemed: m.redeemedQuantity })}
          </div>
          <List>
            {m.goods.map((g) => (
              <List.Item
                key={g.goodsId}
                data-testid="merchant-goods"
                description={`${g.siteName} · ${t('store.merchant.lastDonated', { date: g.lastDonatedOn })}`}
                extra={
                  <span>
                    {t('store.merchant.counts', {
                      donated: g.donatedQuantity,
                      redeemed: g.redeemedQuantity,
                      reserved: g.reservedQuantity,
                    })}
                  </span>
                }
              >
                {g.goodsName}
              </List.Item>
            ))}
          </List>
        </Card>
      ))}
    </SubPage>
  );
}
