/** One store: my balance, the goods grid (price, stock, limit) and redeeming with a confirmation. */
import { Button, Card, Dialog, Image, Popup, Stepper, Tag, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../api/errors.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { type ShopGoods, useRedeem, useShop } from './data.js';
import './store.css';

export function ShopPage() {
  const { t } = useTranslation();
  const { siteId = '' } = useParams();
  const shop = useShop(siteId);
  const [picked, setPicked] = useState<ShopGoods | null>(null);
  return (
    <SubPage title={shop.data?.site.name ?? t('store.title')} back="/h5/store">
      {shop.isPending && <H5Loading />}
      {shop.isError && <H5Error error={shop.error} onRetry={() => shop.refetch()} />}
      {shop.data && (
        <>
          <Card className="lf-h5-card lf-store-balance">
            <span className="lf-h5-muted">{t('store.balance')}</span>
            <strong data-testid="store-balance">{t('store.points', { points: shop.data.balance })}</strong>
          </Card>
          {shop.data.goods.length === 0 && <p className="lf-h5-state">{t('store.noGoods')}</p>}
          <div className="lf-store-grid">
            {shop.data.goods.map((g) => (
              <GoodsCard key={g.id} goods={g} onPick={() => setPicked(g)} />
            ))}
          </div>
          <RedeemSheet goods={picked} balance={shop.data.balance} onClose={() => setPicked(null)} />
        </>
      )}
    </SubPage>
  );
}

function GoodsCard({ goods: g, onPick }: { goods: ShopGoods; onPick: () => void }) {
  const { t } = useTranslation();
  const out = g.stock === 0 || g.myRemaining === 0;
  return (
    <Card className="lf-store-goods" data-testid="store-goods">
      {g.photoUrl ? (
        <Image src={g.photoUrl} alt={g.name} fit="cover" className="lf-store-photo" />
      ) : (
        <div className="lf-store-photo lf-store-photo-empty" aria-hidden="true">
          {g.name.slice(0, 1)}
        </div>
      )}
      <div className="lf-store-name">{g.name}</div>
      <div className="lf-store-price">{t('store.points', { points: g.pricePoints })}</div>
      <div className="lf-h5-muted">{g.stock > 0 ? t('store.stock', { stock: g.stock }) : t('store.soldOut')}</div>
      {g.limitQuantity && g.limitPeriod && (
        <div className="lf-h5-muted">
          {t('store.limit', { quantity: g.limitQuantity, period: t(`store.periods.${g.limitPeriod}`) })}
        </div>
      )}
      {g.merchant && <Tag fill="outline">{t('store.donatedBy', { name: g.merchant.name })}</Tag>}
      <Button block color="primary" size="small" disabled={out} onClick={onPick} className="lf-store-redeem">
        {t('store.redeem')}
      </Button>
    </Card>
  );
}

function RedeemSheet({ goods, balance, onClose }: { goods: ShopGoods | null; balance: number; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const redeem = useRedeem();
  const [quantity, setQuantity] = useState(1);
  // One key per confirmation sheet: a retried tap answers the same redemption.
  const key = useRef(newIdempotencyKey());
  const max = goods ? Math.max(1, Math.min(goods.stock, goods.myRemaining ?? goods.stock, 100)) : 1;
  const total = goods ? goods.pricePoints * quantity : 0;
  const missing = total - balance;
  const close = () => {
    setQuantity(1);
    key.current = newIdempotencyKey();
    onClose();
  };
  const submit = () => {
    if (!goods) return;
    redeem.mutate(
      { body: { goodsId: goods.id, quantity }, headers: { 'Idempotency-Key': key.current } },
      {
        onSuccess: () => {
          close();
          Toast.show({ icon: 'success', content: t('store.redeemed') });
          navigate('/h5/store/redemptions');
        },
        onError: (err) => {
          key.current = newIdempotencyKey();
          void Dialog.alert({ content: errorText(err) });
        },
      },
    );
  };
  return (
    <Popup visible={!!goods} onMaskClick={close} bodyClassName="lf-store-sheet">
      {goods && (
        <div>
          <h2>{t('store.confirmTitle')}</h2>
          <p className="lf-store-name">{goods.name}</p>
          <div className="lf-store-row">
            <span>{t('store.quantity')}</span>
            <Stepper min={1} max={max} value={quantity} onChange={(v) => setQuantity(v)} />
          </div>
          <div className="lf-store-row">
            <span>{t('store.total')}</span>
            <strong>{t('store.points', { points: total })}</strong>
          </div>
          <div className="lf-store-row">
            <span>{t('store.balanceAfter')}</span>
            <strong data-testid="balance-after">{t('store.points', { points: Math.max(0, balance - total) })}</strong>
          </div>
          {missing > 0 && (
            <p className="lf-store-missing" role="alert">
              {t('store.missing', { points: missing })}
            </p>
          )}
          <Button block color="primary" size="large" disabled={missing > 0} loading={redeem.isPending} onClick={submit}>
            {t('store.confirm')}
          </Button>
          <Button block fill="none" onClick={close}>
            {t('store.cancelAction')}
          </Button>
        </div>
      )}
    </Popup>
  );
}
