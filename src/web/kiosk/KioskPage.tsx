/**
 * 自助终端 `/kiosk/<siteId>`: a full-screen touch page standing at a station. Anyone orders a
 * service of the station's menu without signing in: tap a service, give name, phone, address,
 * a day and a time, done. Big type and buttons for older residents; 中文 / English.
 */
import { Button, Form, Input, Result, Selector } from 'antd-mobile';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { phonePattern } from '../../shared/phone.js';
import { textLimits } from '../../shared/text-limits.js';
import { ApiError, errorText } from '../api/errors.js';
import { H5Error, H5Loading } from '../h5/people/states.js';
import { currentLanguage, setLanguage } from '../i18n/index.js';
import { newIdempotencyKey, shanghaiDay, shanghaiTime } from '../orders/format.js';
import { LimitedTextArea } from '../shared/LimitedTextArea.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { type KioskOrderBody, usePlaceKioskOrder, useStation, useStationMenu } from './data.js';
import './strings.js';
import '../h5/h5.css';
import './kiosk.css';

const periods = { morning: [9, 12], afternoon: [14, 17], evening: [18, 20] } as const;
type Period = keyof typeof periods;
/** Back to the start after a placed order, so the next person finds a clean screen. */
const RESET_AFTER_MS = 60_000;

interface Values {
  contactName?: string;
  contactPhone?: string;
  address?: string;
  description?: string;
  day?: string[];
  period?: Period[];
}

export function KioskPage() {
  return (
    <MobileProviders>
      <div className="lf-h5 lf-kiosk">
        <Kiosk />
      </div>
    </MobileProviders>
  );
}

function Kiosk() {
  const { t } = useTranslation();
  const siteId = useParams().siteId ?? '';
  const station = useStation(siteId);
  const menu = useStationMenu(station.data?.kind === 'station' ? station.data.regionCode : undefined);
  const [item, setItem] = useState<{ id: string; title: string } | null>(null);
  const [receipt, setReceipt] = useState<{ number: string } | null>(null);
  useEffect(() => {
    document.title = `${t('kiosk.title')} · ${station.data?.name ?? ''}`;
  }, [t, station.data]);
  useEffect(() => {
    if (!receipt) return;
    const timer = setTimeout(() => setReceipt(null), RESET_AFTER_MS);
    return () => clearTimeout(timer);
  }, [receipt]);
  const other = currentLanguage() === 'en' ? 'zh-CN' : 'en';

  const header = (
    <header className="lf-kiosk-header">
      <div>
        <h1>{t('kiosk.title')}</h1>
        {station.data && <div className="lf-kiosk-station">{station.data.name}</div>}
      </div>
      <Button size="large" fill="outline" onClick={() => void setLanguage(other)}>
        {t('kiosk.language')}
      </Button>
    </header>
  );
  if (station.isPending) return <H5Loading />;
  if (station.isError || station.data.kind !== 'station')
    return (
      <>
        {header}
        {station.isError && !(station.error instanceof ApiError && station.error.status === 404) ? (
          <H5Error error={station.error} onRetry={() => station.refetch()} />
        ) : (
          <Result status="error" title={t('kiosk.notFound')} />
        )}
      </>
    );
  if (receipt)
    return (
      <>
        {header}
        <Result
          status="success"
          title={<span className="lf-kiosk-big">{t('kiosk.doneTitle')}</span>}
          description={
            <>
              <div className="lf-kiosk-big" data-testid="kiosk-number">
                {t('kiosk.doneNumber', { number: receipt.number })}
              </div>
              <p>{t('kiosk.doneHint')}</p>
            </>
          }
        />
        <div className="lf-kiosk-actions">
          <Button block size="large" color="primary" onClick={() => setReceipt(null)}>
            {t('kiosk.again')}
          </Button>
        </div>
      </>
    );
  if (!item)
    return (
      <>
        {header}
        <p className="lf-kiosk-prompt">{t('kiosk.pick')}</p>
        {menu.isPending && <H5Loading />}
        {menu.isError && <H5Error error={menu.error} onRetry={() => menu.refetch()} />}
        {menu.data && !menu.data.items.length && <Result status="info" title={t('kiosk.noItems')} />}
        <div className="lf-kiosk-grid">
          {menu.data?.items.map((i) => (
            <button key={i.id} type="button" className="lf-kiosk-item" onClick={() => setItem(i)}>
              <span className="lf-kiosk-item-title">{i.title}</span>
              <span className="lf-kiosk-item-by">{i.categoryName}</span>
            </button>
          ))}
        </div>
      </>
    );
  return (
    <>
      {header}
      <KioskForm
        siteId={siteId}
        item={item}
        onBack={() => setItem(null)}
        onPlaced={(number) => {
          setItem(null);
          setReceipt({ number });
        }}
      />
    </>
  );
}

function KioskForm(props: {
  siteId: string;
  item: { id: string; title: string };
  onBack: () => void;
  onPlaced: (number: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const place = usePlaceKioskOrder(props.siteId);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const days = useMemo(() => {
    const now = new Date();
    return (['today', 'tomorrow', 'dayAfter'] as const).map((name, i) => {
      const day = shanghaiDay(now, i);
      const [, m, d] = day.split('-');
      return { value: day, label: `${t(`kiosk.days.${name}`)} ${Number(m)}/${Number(d)}` };
    });
  }, [t]);
  const required = (field: string) => [{ required: true, message: t('kiosk.required', { field }) }];

  const submit = (v: Values) => {
    setError(null);
    const day = v.day?.[0] as string;
    const [from, to] = periods[v.period?.[0] ?? 'morning'];
    const body: KioskOrderBody = {
      menuItemId: props.item.id,
      contactName: (v.contactName ?? '').trim(),
      contactPhone: (v.contactPhone ?? '').trim(),
      address: (v.address ?? '').trim(),
      description: v.description?.trim() ?? '',
      windowStart: shanghaiTime(day, from),
      windowEnd: shanghaiTime(day, to),
    };
    place.mutate(
      { body, key: key.current },
      {
        onSuccess: (receipt) => props.onPlaced(receipt.number),
        onError: (err) => {
          if (err instanceof ApiError && err.status < 500) key.current = newIdempotencyKey();
          const fields = err instanceof ApiError ? err.fieldErrors() : {};
          const known = Object.entries(fields).filter(([name]) => name in form.getFieldsValue());
          form.setFields(known.map(([name, message]) => ({ name, errors: [message] })));
          setError(errorText(err));
        },
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      className="lf-kiosk-form"
      onFinish={submit}
      initialValues={{ day: [days[1]?.value], period: ['morning'] }}
      footer={
        <>
          {error && (
            <div className="lf-h5-error lf-kiosk-big" role="alert">
              {error}
            </div>
          )}
          <Button block type="submit" color="primary" size="large" loading={place.isPending}>
            {place.isPending ? t('kiosk.sending') : t('kiosk.submit')}
          </Button>
          <p className="lf-h5-muted">{t('kiosk.privacy')}</p>
        </>
      }
    >
      <Form.Item
        label={t('kiosk.chosen')}
        extra={
          <Button size="middle" fill="outline" onClick={props.onBack}>
            {t('kiosk.change')}
          </Button>
        }
      >
        <strong className="lf-kiosk-big">{props.item.title}</strong>
      </Form.Item>
      <Form.Item name="contactName" label={t('kiosk.name')} rules={required(t('kiosk.name'))}>
        <Input placeholder={t('kiosk.namePlaceholder')} maxLength={textLimits.orderContactName} clearable />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('kiosk.phone')}
        rules={[...required(t('kiosk.phone')), { pattern: phonePattern, message: t('kiosk.phoneInvalid') }]}
      >
        <Input type="tel" inputMode="numeric" placeholder={t('kiosk.phonePlaceholder')} maxLength={11} clearable />
      </Form.Item>
      <Form.Item name="address" label={t('kiosk.address')} rules={required(t('kiosk.address'))}>
        <Input placeholder={t('kiosk.addressPlaceholder')} maxLength={textLimits.orderAddress} clearable />
      </Form.Item>
      <Form.Item name="day" label={t('kiosk.day')} rules={required(t('kiosk.day'))}>
        <Selector columns={3} options={days} />
      </Form.Item>
      <Form.Item name="period" label={t('kiosk.period')} rules={required(t('kiosk.period'))}>
        <Selector
          columns={3}
          options={(Object.keys(periods) as Period[]).map((p) => ({ value: p, label: t(`kiosk.periods.${p}`) }))}
        />
      </Form.Item>
      <Form.Item name="description" label={t('kiosk.description')}>
        <LimitedTextArea limit={textLimits.orderDescription} rows={3} />
      </Form.Item>
    </Form>
  );
}
