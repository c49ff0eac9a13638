/** 先锋超市: pick a store (my community first, then the nearest when the phone gives a position). */
import { Button, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { useMyMerchants, useStores } from './data.js';
import './store.css';

export function StoresPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [near, setNear] = useState<{ lat: number; lng: number } | null>(null);
  const stores = useStores(near);
  const merchants = useMyMerchants();
  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => setNear({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => undefined,
      { timeout: 10_000 },
    );
  return (
    <SubPage title={t('store.title')} back="/h5/mine">
      <div className="lf-store-bar">
        <Button size="small" onClick={() => navigate('/h5/store/redemptions')}>
          {t('store.myRedemptions')}
        </Button>
        {(merchants.data?.items.length ?? 0) > 0 && (
          <Button size="small" onClick={() => navigate('/h5/store/merchant')}>
            {t('store.merchant.entry')}
          </Button>
        )}
        <Button size="small" fill="outline" onClick={locate}>
          {t('store.nearMe')}
        </Button>
      </div>
      {stores.isPending && <H5Loading />}
      {stores.isError && <H5Error error={stores.error} onRetry={() => stores.refetch()} />}
      {stores.data && (
        <List header={t('store.pickStore')} mode="card">
          {stores.data.items.length === 0 && <List.Item>{t('store.noStores')}</List.Item>}
          {stores.data.items.map((s) => (
            <List.Item
              key={s.id}
              onClick={() => navigate(`/h5/store/${s.id}`)}
              description={[s.regionName, s.address].filter(Boolean).join(' · ')}
              extra={
                <span className="lf-h5-muted">
                  {s.distanceMeters !== null
                    ? t('store.distance', { km: (s.distanceMeters / 1000).toFixed(1) })
                    : t('store.goodsCount', { count: s.goodsCount })}
                </span>
              }
            >
              {s.name}{' '}
              {s.mine && (
                <Tag color="primary" fill="outline">
                  {t('store.mineTag')}
                </Tag>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </SubPage>
  );
}
