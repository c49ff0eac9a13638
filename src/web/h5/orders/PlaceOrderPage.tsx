/**
 * 点单: order a menu item (?item=id) or make a free request. The place (community, address, an
 * optional point from the browser), a day and a part of it, urgency, a description and photos.
 */
import { Button, Form, Input, Selector, Toast } from 'antd-mobile';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { type PlaceOrderBody, useCategories, useMenuItem, usePlaceOrder } from '../../orders/data.js';
import { currentPosition, newIdempotencyKey, shanghaiDay, shanghaiTime } from '../../orders/format.js';
import { CommunityPicker } from '../CommunityPicker.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { rememberCommunity, storedCommunity, useCommunities } from './communities.js';
import { type Photo, PhotoPicker } from './PhotoPicker.js';
import './orders.css';
import { textLimits } from '../../../shared/text-limits.js';
import { LimitedTextArea } from '../../shared/LimitedTextArea.js';

const periods = { morning: [9, 12], afternoon: [14, 17], evening: [18, 20] } as const;
type Period = keyof typeof periods;

interface Values {
  categoryCode?: string[];
  title?: string;
  description?: string;
  regionCode?: string;
  address?: string;
  day?: string[];
  period?: Period[];
  urgency?: ('normal' | 'urgent')[];
}

export function PlaceOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const itemId = params.get('item') ?? undefined;
  const item = useMenuItem(itemId);
  const categories = useCategories();
  const communities = useCommunities();
  const place = usePlaceOrder();
  const [form] = Form.useForm<Values>();
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(null);
  const [pointFailed, setPointFailed] = useState(false);
  const [locating, setLocating] = useState(false);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const en = currentLanguage() === 'en';

  const days = useMemo(() => {
    const now = new Date();
    return Array.from({ length: 7 }, (_, i) => {
      const day = shanghaiDay(now, i);
      const [, m, d] = day.split('-');
      const named = [t('orders.place.today'), t('orders.place.tomorrow'), t('orders.place.dayAfter')][i];
      return { value: day, label: named ? `${named} ${Number(m)}/${Number(d)}` : `${Number(m)}/${Number(d)}` };
    });
  }, [t]);

  const locate = async () => {
    setLocating(true);
    setPointFailed(false);
    const at = await currentPosition();
    setLocating(false);
    if (at) setPoint(at);
    else setPointFailed(true);
  };

  const submit = (v: Values) => {
    setError(null);
    const day = v.day?.[0] as string;
    const [from, to] = periods[v.period?.[0] ?? 'morning'];
    const body: PlaceOrderBody = {
      ...(itemId ? { menuItemId: itemId } : { categoryCode: v.categoryCode?.[0], title: v.title?.trim() }),
      description: v.description?.trim() ?? '',
      regionCode: v.regionCode,
      address: (v.address ?? '').trim(),
      ...(point ?? {}),
      windowStart: shanghaiTime(day, from),
      windowEnd: shanghaiTime(day, to),
      urgency: v.urgency?.[0] ?? 'normal',
      photoFileIds: photos.map((p) => p.id),
    };
    if (v.regionCode) rememberCommunity(v.regionCode);
    place.mutate(
      { body, key: key.current },
      {
        onSuccess: (order) => {
          Toast.show({ icon: 'success', content: t('orders.place.submitted') });
          navigate(`/h5/orders/${order.id}`, { replace: true });
        },
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

  if (itemId && item.isPending)
    return (
      <SubPage title={t('orders.place.title')} back="/h5/menu">
        <H5Loading />
      </SubPage>
    );
  if (itemId && item.isError)
    return (
      <SubPage title={t('orders.place.title')} back="/h5/menu">
        <H5Error error={item.error} onRetry={() => item.refetch()} />
      </SubPage>
    );
  const required = (field: string) => [{ required: true, message: t('orders.place.required', { field }) }];

  return (
    <SubPage
      title={itemId ? t('orders.place.title') : t('orders.place.freeTitle')}
      back={itemId ? `/h5/menu/${itemId}` : '/h5/menu'}
    >
      <Form
        form={form}
        layout="vertical"
        mode="card"
        className="lf-order-form"
        onFinish={submit}
        initialValues={{
          regionCode: storedCommunity() ?? undefined,
          day: [days[1]?.value],
          period: ['morning'],
          urgency: ['normal'],
        }}
        footer={
          <>
            {error && (
              <div className="lf-h5-error" role="alert">
                {error}
              </div>
            )}
            <Button block type="submit" color="primary" size="large" loading={place.isPending} disabled={uploading}>
              {uploading ? t('orders.place.uploading') : t('orders.place.submit')}
            </Button>
          </>
        }
      >
        {item.data ? (
          <Form.Item label={t('orders.place.item')}>
            <strong>{item.data.title}</strong>
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="categoryCode"
              label={t('orders.fields.category')}
              rules={required(t('orders.fields.category'))}
            >
              <Selector
                columns={3}
                options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t('orders.fields.title')} rules={required(t('orders.fields.title'))}>
              <Input placeholder={t('orders.place.titlePlaceholder')} maxLength={textLimits.orderTitle} clearable />
            </Form.Item>
          </>
        )}
        <Form.Item name="description" label={t('orders.fields.description')}>
          <LimitedTextArea
            placeholder={t('orders.place.descriptionPlaceholder')}
            limit={textLimits.orderDescription}
            rows={3}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('orders.fields.community')}
          description={t('orders.place.communityHint')}
          rules={required(t('orders.fields.community'))}
        >
          <CommunityPicker communities={communities.list} />
        </Form.Item>
        <Form.Item name="address" label={t('orders.fields.address')} rules={required(t('orders.fields.address'))}>
          <Input placeholder={t('orders.place.addressPlaceholder')} maxLength={textLimits.orderAddress} clearable />
        </Form.Item>
        <Form.Item label={t('orders.fields.point')}>
          {point ? (
            <div className="lf-order-point">
              <span>{t('orders.place.pointSet', { lng: point.lng.toFixed(4), lat: point.lat.toFixed(4) })}</span>
              <Button size="mini" fill="none" onClick={() => setPoint(null)}>
                {t('orders.place.clearPoint')}
              </Button>
            </div>
          ) : (
            <Button size="small" fill="outline" loading={locating} onClick={() => void locate()}>
              {t('orders.place.usePoint')}
            </Button>
          )}
          {pointFailed && <p className="lf-h5-muted">{t('orders.place.pointFailed')}</p>}
        </Form.Item>
        <Form.Item name="day" label={t('orders.place.date')} rules={required(t('orders.place.date'))}>
          <Selector columns={3} options={days} />
        </Form.Item>
        <Form.Item name="period" label={t('orders.fields.window')} rules={required(t('orders.fields.window'))}>
          <Selector
            columns={3}
            options={(Object.keys(periods) as Period[]).map((p) => ({
              value: p,
              label: t(`orders.place.periods.${p}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('orders.fields.urgency')}>
          <Selector
            columns={2}
            options={(['normal', 'urgent'] as const).map((u) => ({ value: u, label: t(`orders.urgencies.${u}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('orders.fields.photos')} description={t('orders.place.maxPhotos')}>
          <PhotoPicker value={photos} onChange={setPhotos} onBusy={setUploading} />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
