/**
 * 义卖摊位 (/h5/charity): the stall keeper records each sale on their phone. A sale is kept on the
 * phone first with its Idempotency-Key and then sent; without a connection it waits and goes when
 * the phone is back online, so a sale is never lost nor recorded twice. The keeper sees their own
 * stalls only, with the live total of the stall and of the whole sale.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, List, NoticeBar, Selector, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { fenOf, yuanOf } from '../../charity/strings.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { formatClock } from '../../shared/time.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { type MyStall, myStallsKey, sendSale, useMyStalls } from './data.js';
import { enqueue, flushQueue, type QueuedSale, readQueue } from './sale-queue.js';
import './charity.css';

const methods = ['cash', 'wechat', 'alipay'] as const;

interface Values {
  amount?: string;
  method?: (typeof methods)[number][];
  paymentRef?: string;
  item?: string;
}

/** The sales waiting on this phone, re-sent when the phone comes back online. */
function useSaleQueue(onSent: () => void) {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<QueuedSale[]>(() => readQueue(localStorage));
  const [online, setOnline] = useState(() => navigator.onLine);
  const flush = useCallback(async () => {
    const result = await flushQueue(localStorage, sendSale);
    setWaiting(readQueue(localStorage));
    for (const r of result.refused)
      Toast.show({ icon: 'fail', content: t('charity.stall.failed', { reason: r.reason }) });
    if (result.sent > 0 || result.refused.length > 0) onSent();
    return result;
  }, [onSent, t]);
  useEffect(() => {
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    void flush();
    const timer = window.setInterval(() => {
      if (readQueue(localStorage).length > 0) void flush();
    }, 15_000);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [flush]);
  const add = (sale: QueuedSale) => {
    enqueue(localStorage, sale);
    setWaiting(readQueue(localStorage));
    return flush();
  };
  return { waiting, online, flush, add };
}

export function StallKeeperPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const stalls = useMyStalls();
  const [chosen, setChosen] = useState<string | null>(null);
  const refresh = useCallback(() => void qc.invalidateQueries({ queryKey: myStallsKey }), [qc]);
  const queue = useSaleQueue(refresh);

  const body = () => {
    if (stalls.isPending) return <H5Loading />;
    if (stalls.isError) return <H5Error error={stalls.error} onRetry={() => stalls.refetch()} />;
    const items = stalls.data.items;
    if (items.length === 0)
      return (
        <div className="lf-charity-empty">
          <p>{t('charity.stall.none')}</p>
          <p className="lf-charity-muted">{t('charity.stall.noneHint')}</p>
        </div>
      );
    const stall = items.find((s) => s.id === chosen) ?? (items[0] as MyStall);
    return (
      <>
        {items.length > 1 && (
          <Selector
            className="lf-charity-picker"
            value={[stall.id]}
            onChange={(v) => v[0] && setChosen(v[0])}
            options={items.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <StallTotals stall={stall} />
        <Waiting queue={queue} />
        {stall.event.state === 'open' ? (
          <SaleForm stall={stall} add={queue.add} />
        ) : (
          <NoticeBar content={t('charity.stall.notOpen')} color="alert" />
        )}
        <Recent stall={stall} />
      </>
    );
  };
  return (
    <SubPage title={t('charity.stall.title')} back="/h5/mine">
      {!queue.online && <NoticeBar content={t('charity.stall.offline')} color="alert" />}
      {body()}
    </SubPage>
  );
}

function StallTotals({ stall }: { stall: MyStall }) {
  const { t } = useTranslation();
  const category =
    stall.category === 'other' && stall.categoryLabel ? stall.categoryLabel : t(`charity.categories.${stall.category}`);
  return (
    <section className="lf-charity-card" aria-label={t('charity.stall.total')}>
      <div className="lf-charity-head">
        <strong>{stall.name}</strong>
        <Tag color="primary" fill="outline">
          {category}
        </Tag>
      </div>
      <div className="lf-charity-muted">
        {stall.event.title} · {stall.event.heldOn} · {t(`charity.eventStates.${stall.event.state}`)}
      </div>
      <div className="lf-charity-total">
        <span>{t('charity.stall.total')}</span>
        <output data-testid="stall-total">¥{yuanOf(stall.totals.totalFen)}</output>
      </div>
      <div className="lf-charity-muted">
        {t('charity.stall.sales', { count: stall.totals.sales })} · {t('charity.stall.cash')} ¥
        {yuanOf(stall.totals.cashFen)}
      </div>
      <div className="lf-charity-muted">
        {t('charity.stall.eventTotal')} ¥{yuanOf(stall.event.totals.totalFen)}
      </div>
    </section>
  );
}

function Waiting({ queue }: { queue: ReturnType<typeof useSaleQueue> }) {
  const { t } = useTranslation();
  if (queue.waiting.length === 0) return null;
  const fen = queue.waiting.reduce((s, q) => s + q.body.amountFen, 0);
  return (
    <NoticeBar
      data-testid="sale-queue"
      color="info"
      content={t('charity.stall.pending', { count: queue.waiting.length, amount: `¥${yuanOf(fen)}` })}
      extra={
        <Button size="mini" color="primary" fill="none" onClick={() => void queue.flush()}>
          {t('charity.stall.sendNow')}
        </Button>
      }
    />
  );
}

function SaleForm({ stall, add }: { stall: MyStall; add: (sale: QueuedSale) => Promise<{ waiting: number }> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form)?.[0] ?? 'cash';
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    const amountFen = fenOf(v.amount ?? '');
    if (amountFen === null) return;
    const m = v.method?.[0] ?? 'cash';
    const sale: QueuedSale = {
      key: newIdempotencyKey(),
      stallId: stall.id,
      body: {
        amountFen,
        method: m,
        recordedAt: new Date().toISOString(),
        ...(m !== 'cash' && v.paymentRef?.trim() ? { paymentRef: v.paymentRef.trim() } : {}),
        ...(v.item?.trim() ? { item: v.item.trim() } : {}),
      },
    };
    setBusy(true);
    try {
      const result = await add(sale);
      const stillWaiting = readQueue(localStorage).some((q) => q.key === sale.key);
      Toast.show(
        stillWaiting || result.waiting > 0
          ? { content: t('charity.stall.queued') }
          : { icon: 'success', content: t('charity.stall.recorded') },
      );
      form.resetFields(['amount', 'paymentRef', 'item']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      initialValues={{ method: ['cash'] }}
      onFinish={(v) => void submit(v)}
      footer={
        <Button block type="submit" color="primary" size="large" loading={busy}>
          {t('charity.stall.record')}
        </Button>
      }
    >
      <Form.Item
        name="amount"
        label={t('charity.stall.amount')}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              fenOf(value ?? '') === null
                ? Promise.reject(new Error(t('charity.stall.amountInvalid')))
                : Promise.resolve(),
          },
        ]}
      >
        <Input inputMode="decimal" placeholder={t('charity.stall.amountPlaceholder')} clearable />
      </Form.Item>
      <Form.Item name="method" label={t('charity.stall.method')}>
        <Selector columns={3} options={methods.map((m) => ({ value: m, label: t(`charity.methods.${m}`) }))} />
      </Form.Item>
      {method !== 'cash' && (
        <Form.Item
          name="paymentRef"
          label={t('charity.stall.paymentRef')}
          rules={[{ required: true, whitespace: true, message: t('charity.stall.paymentRefRequired') }]}
        >
          <Input
            placeholder={t('charity.stall.paymentRefPlaceholder')}
            maxLength={textLimits.charityPaymentRef}
            clearable
          />
        </Form.Item>
      )}
      <Form.Item name="item" label={t('charity.stall.item')}>
        <Input placeholder={t('charity.stall.itemPlaceholder')} maxLength={textLimits.charityItem} clearable />
      </Form.Item>
    </Form>
  );
}

function Recent({ stall }: { stall: MyStall }) {
  const { t } = useTranslation();
  return (
    <List header={t('charity.stall.recent')} className="lf-charity-recent">
      {stall.recent.length === 0 && <List.Item>{t('charity.stall.noSales')}</List.Item>}
      {stall.recent.map((s) => (
        <List.Item
          key={s.id}
          description={`${formatClock(s.recordedAt)} · ${t(`charity.methods.${s.method}`)}${s.paymentRef ? ` ${s.paymentRef}` : ''}`}
          extra={s.reversal ? <Tag color="danger">{t('charity.stall.reversed')}</Tag> : undefined}
        >
          ¥{yuanOf(s.amountFen)} {s.item ?? ''}
        </List.Item>
      ))}
    </List>
  );
}
