/** 我的兑换: every redemption with its status; open ones show the pickup code as a QR and as digits. */
import { Button, Card, Dialog, ErrorBlock, Tag, Toast } from 'antd-mobile';
import QRCodeModule from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dateTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { defaultExport } from '../../shared/interop.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { type Redemption, useCancelRedemption, useMyRedemptions } from './data.js';
import './store.css';

const QRCode = defaultExport<typeof QRCodeModule>(QRCodeModule);
const statusColour = { reserved: 'warning', fulfilled: 'success', cancelled: 'default', expired: 'default' } as const;

export function MyRedemptionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useMyRedemptions();
  return (
    <SubPage title={t('store.myRedemptions')} back="/h5/store">
      {list.isPending && <H5Loading />}
      {list.isError && <H5Error error={list.error} onRetry={() => list.refetch()} />}
      {list.data?.items.length === 0 && (
        <ErrorBlock status="empty" title={t('store.noRedemptions')} description="">
          <Button color="primary" onClick={() => navigate('/h5/store')}>
            {t('store.goShopping')}
          </Button>
        </ErrorBlock>
      )}
      {list.data?.items.map((r) => (
        <RedemptionCard key={r.id} redemption={r} />
      ))}
    </SubPage>
  );
}

function RedemptionCard({ redemption: r }: { redemption: Redemption }) {
  const { t } = useTranslation();
  const cancel = useCancelRedemption();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!r.pickupCode) return;
    void QRCode.toDataURL(r.pickupCode, { width: 240, margin: 1, errorCorrectionLevel: 'M' }).then(setQr);
  }, [r.pickupCode]);
  const onCancel = async () => {
    if (!(await Dialog.confirm({ content: t('store.cancelConfirm') }))) return;
    cancel.mutate(
      { params: { path: { id: r.id } } },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('store.cancelled') }),
        onError: (err) => void Dialog.alert({ content: errorText(err) }),
      },
    );
  };
  return (
    <Card className="lf-h5-card lf-store-redemption" data-testid="redemption">
      <div className="lf-store-row">
        <strong>
          {r.goodsName} × {r.quantity}
        </strong>
        <Tag color={statusColour[r.status]} data-testid="redemption-status">
          {t(`store.status.${r.status}`)}
        </Tag>
      </div>
      <div className="lf-h5-muted">
        {r.siteName} · {t('store.points', { points: r.points })} · {dateTime(r.createdAt)}
      </div>
      {r.pickupCode && (
        <div className="lf-store-code">
          {qr && <img src={qr} alt={t('store.pickupCode')} width={200} height={200} />}
          <div className="lf-store-digits" data-testid="pickup-code">
            {r.pickupCode.replace(/(\d{4})(\d{4})/, '$1 $2')}
          </div>
          <div className="lf-h5-muted">{t('store.showCode')}</div>
          <div className="lf-h5-muted">{t('store.expiresAt', { time: dateTime(r.expiresAt) })}</div>
          <Button size="small" fill="outline" color="danger" loading={cancel.isPending} onClick={onCancel}>
            {t('store.cancel')}
          </Button>
        </div>
      )}
    </Card>
  );
}
