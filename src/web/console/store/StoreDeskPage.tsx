/** 先锋超市 keeper desk: hand over by pickup code, today's pickups, goods and stock, caring merchants. */
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeInputLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { formatDateTime } from '../../shared/time.js';
import { PageError, PageLoading, usePageTitle } from '../PageState.js';
import { type DeskRedemption, useDeskCancel, useFulfil, useLookup, useStaffStores, useTodayPickups } from './data.js';
import { GoodsTab } from './GoodsTab.js';
import { MerchantsTab } from './MerchantsTab.js';
import { PickupsTable } from './PickupsTable.js';

export function StoreDeskPage() {
  const { t } = useTranslation();
  usePageTitle(t('store.desk.title'));
  const stores = useStaffStores();
  const [chosen, setChosen] = useState<string | null>(null);
  if (stores.isPending) return <PageLoading />;
  if (stores.isError) return <PageError error={stores.error} onRetry={() => stores.refetch()} />;
  const items = stores.data.items;
  if (items.length === 0) return <Result status="info" title={t('store.desk.noStore')} />;
  const siteId = chosen ?? items[0]?.id ?? '';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('store.desk.title')}
        </Typography.Title>
        <Select
          aria-label={t('store.desk.store')}
          value={siteId}
          onChange={setChosen}
          options={items.map((s) => ({ value: s.id, label: s.name }))}
          style={{ minWidth: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Space>
      <Tabs
        items={[
          { key: 'pickup', label: t('store.desk.tabs.pickup'), children: <PickupDesk key={siteId} siteId={siteId} /> },
          { key: 'today', label: t('store.desk.tabs.today'), children: <TodayTab siteId={siteId} /> },
          { key: 'goods', label: t('store.desk.tabs.goods'), children: <GoodsTab siteId={siteId} /> },
          { key: 'merchants', label: t('store.desk.tabs.merchants'), children: <MerchantsTab /> },
        ]}
      />
    </Space>
  );
}

function PickupDesk({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const lookup = useLookup();
  const fulfil = useFulfil();
  const cancel = useDeskCancel();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<DeskRedemption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const digits = code.replace(/\D/g, '');

  const find = () => {
    setError(null);
    setFound(null);
    lookup.mutate(
      { params: { path: { siteId } }, body: { code: digits } },
      { onSuccess: setFound, onError: (e) => setError(errorText(e)) },
    );
  };
  const handOver = () =>
    fulfil.mutate(
      { params: { path: { siteId } }, body: { code: digits } },
      {
        onSuccess: (r) => {
          setFound(r);
          setCode('');
          void message.success(t('store.desk.handedOver', { goods: r.goodsName, quantity: r.quantity }));
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  const cancelIt = (r: DeskRedemption) =>
    modal.confirm({
      title: t('store.desk.cancelRedemption'),
      content: t('store.cancelConfirm'),
      onOk: () =>
        cancel.mutateAsync({ params: { path: { id: r.id } } }).then(
          (c) => setFound({ ...r, status: c.status, closedAt: c.closedAt }),
          (e) => setError(errorText(e)),
        ),
    });

  return (
    <Card>
      <Form layout="inline" onFinish={find}>
        <Form.Item label={t('store.pickupCode')}>
          <Input
            autoFocus
            inputMode="numeric"
            maxLength={codeInputLimits.storePickupCode}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t('store.desk.codePlaceholder')}
            style={{ width: 240, fontSize: 20, letterSpacing: 2 }}
            aria-label={t('store.pickupCode')}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={digits.length !== 8} loading={lookup.isPending}>
            {t('store.desk.find')}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {found && (
        <Card style={{ marginTop: 16 }} data-testid="desk-redemption">
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('store.desk.volunteer')}>{found.volunteerName}</Descriptions.Item>
            <Descriptions.Item label={t('store.desk.goods')}>
              {found.goodsName} × {found.quantity}
            </Descriptions.Item>
            <Descriptions.Item label={t('store.desk.points')}>{found.points}</Descriptions.Item>
            <Descriptions.Item label={t('store.desk.createdAt')}>{formatDateTime(found.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('store.desk.expiresAt')}>{formatDateTime(found.expiresAt)}</Descriptions.Item>
            <Descriptions.Item label="">
              <Typography.Text strong data-testid="desk-status">
                {t(`store.status.${found.status}`)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {found.status === 'reserved' && (
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" size="large" loading={fulfil.isPending} onClick={handOver}>
                {t('store.desk.handOver')}
              </Button>
              <Button danger onClick={() => cancelIt(found)}>
                {t('store.desk.cancelRedemption')}
              </Button>
            </Space>
          )}
        </Card>
      )}
    </Card>
  );
}

function TodayTab({ siteId }: { siteId: string }) {
  const pickups = useTodayPickups(siteId);
  if (pickups.isError) return <PageError error={pickups.error} onRetry={() => pickups.refetch()} />;
  return <PickupsTable loading={pickups.isPending} items={pickups.data?.items ?? []} />;
}
