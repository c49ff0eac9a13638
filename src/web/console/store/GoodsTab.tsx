/** Goods and stock: add and edit goods, restock (a merchant's donation), stock-take, and each item's history. */
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../api/errors.js';
import { uploadPhoto } from '../../orders/data.js';
import { formatDateTime } from '../../shared/time.js';
import { PageError } from '../PageState.js';
import {
  type Goods,
  useCreateGoods,
  useGoods,
  useMerchants,
  useMovements,
  useRestock,
  useStocktake,
  useUpdateGoods,
} from './data.js';

type Period = 'day' | 'week' | 'month';
interface GoodsForm {
  name: string;
  description?: string;
  pricePoints: number;
  stock?: number;
  limitQuantity?: number | null;
  limitPeriod?: Period | null;
  merchantId?: string | null;
  active?: boolean;
  photoFileId?: string | null;
}

/** Puts a server's field errors on the form's fields, or says the error. */
// biome-ignore lint/suspicious/noExplicitAny: any form's fields
function showErrors(e: unknown, form: { setFields(f: any[]): void }, notify: (s: string) => void) {
  if (e instanceof ApiError && e.details.length) {
    form.setFields(Object.entries(e.fieldErrors()).map(([name, msg]) => ({ name, errors: [msg] })));
  } else notify(errorText(e));
}

export function GoodsTab({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const goods = useGoods(siteId);
  const [editing, setEditing] = useState<Goods | 'new' | null>(null);
  const [restocking, setRestocking] = useState<Goods | null>(null);
  const [counting, setCounting] = useState<Goods | null>(null);
  const [historyOf, setHistoryOf] = useState<Goods | null>(null);
  if (goods.isError) return <PageError error={goods.error} onRetry={() => goods.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('store.desk.addGoods')}
        </Button>
      </Space>
      <Table<Goods>
        rowKey="id"
        loading={goods.isPending}
        dataSource={goods.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('store.desk.name'),
            key: 'name',
            render: (_, g) => (
              <Space>
                {g.name}
                {!g.active && <Tag>{t('store.desk.inactive')}</Tag>}
              </Space>
            ),
          },
          { title: t('store.desk.price'), dataIndex: 'pricePoints', key: 'price' },
          { title: t('store.desk.stockCol'), dataIndex: 'stock', key: 'stock' },
          {
            title: t('store.desk.limitQuantity'),
            key: 'limit',
            render: (_, g) =>
              g.limitQuantity && g.limitPeriod
                ? t('store.limit', { quantity: g.limitQuantity, period: t(`store.periods.${g.limitPeriod}`) })
                : t('store.desk.noLimit'),
          },
          { title: t('store.desk.merchant'), key: 'merchant', render: (_, g) => g.merchant?.name ?? '' },
          {
            title: t('store.desk.actions'),
            key: 'actions',
            render: (_, g) => (
              <Space wrap size="small">
                <Button size="small" onClick={() => setRestocking(g)}>
                  {t('store.desk.restock')}
                </Button>
                <Button size="small" onClick={() => setCounting(g)}>
                  {t('store.desk.stocktake')}
                </Button>
                <Button size="small" type="link" onClick={() => setHistoryOf(g)}>
                  {t('store.desk.history')}
                </Button>
                <Button size="small" type="link" onClick={() => setEditing(g)}>
                  {t('store.desk.editGoods')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <GoodsModal siteId={siteId} goods={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {restocking && <RestockModal goods={restocking} onClose={() => setRestocking(null)} />}
      {counting && <StocktakeModal goods={counting} onClose={() => setCounting(null)} />}
      <HistoryDrawer goods={historyOf} onClose={() => setHistoryOf(null)} />
    </>
  );
}

function useMerchantOptions() {
  const merchants = useMerchants();
  return (merchants.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
}

function GoodsModal({ siteId, goods, onClose }: { siteId: string; goods: Goods | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GoodsForm>();
  const create = useCreateGoods();
  const update = useUpdateGoods();
  const merchants = useMerchantOptions();
  const [photo, setPhoto] = useState<{ id: string; url: string } | null>(
    goods?.photoFileId && goods.photoUrl ? { id: goods.photoFileId, url: goods.photoUrl } : null,
  );
  const notify = (s: string) => void message.error(s);
  const save = (v: GoodsForm) => {
    const body = {
      name: v.name,
      description: v.description || null,
      pricePoints: v.pricePoints,
      limitQuantity: v.limitQuantity || null,
      limitPeriod: v.limitQuantity ? (v.limitPeriod ?? null) : null,
      merchantId: v.merchantId || null,
      photoFileId: photo?.id ?? null,
    };
    const done = {
      onSuccess: () => {
        void message.success(t('store.desk.saved'));
        onClose();
      },
      onError: (e: unknown) => showErrors(e, form, notify),
    };
    if (goods) update.mutate({ params: { path: { id: goods.id } }, body: { ...body, active: v.active ?? true } }, done);
    else create.mutate({ params: { path: { siteId } }, body: { ...body, stock: v.stock ?? 0 } }, done);
  };
  return (
    <Modal
      open
      title={goods ? t('store.desk.editGoods') : t('store.desk.addGoods')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('store.desk.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<GoodsForm>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={
          goods
            ? {
                name: goods.name,
                description: goods.description ?? '',
                pricePoints: goods.pricePoints,
                limitQuantity: goods.limitQuantity,
                limitPeriod: goods.limitPeriod,
                merchantId: goods.merchant?.id ?? null,
                active: goods.active,
              }
            : { pricePoints: 100, stock: 0, limitPeriod: 'month' }
        }
      >
        <Form.Item name="name" label={t('store.desk.name')} rules={[{ required: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('store.desk.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('store.desk.photo')}>
          <Space>
            {photo && <img src={photo.url} alt="" width={64} height={64} style={{ objectFit: 'cover' }} />}
            <Upload
              accept="image/jpeg,image/png,image/webp"
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) =>
                uploadPhoto(file as File).then(
                  (f) => {
                    setPhoto({ id: f.id, url: f.url });
                    onSuccess?.(f);
                  },
                  (e) => {
                    notify(errorText(e));
                    onError?.(e as Error);
                  },
                )
              }
            >
              <Button>{t('store.desk.photo')}</Button>
            </Upload>
          </Space>
        </Form.Item>
        <Form.Item name="pricePoints" label={t('store.desk.price')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1_000_000} precision={0} />
        </Form.Item>
        {!goods && (
          <Form.Item name="stock" label={t('store.desk.initialStock')}>
            <InputNumber min={0} max={100_000} precision={0} />
          </Form.Item>
        )}
        <Space>
          <Form.Item name="limitQuantity" label={t('store.desk.limitQuantity')}>
            <InputNumber min={1} max={1000} precision={0} placeholder={t('store.desk.noLimit')} />
          </Form.Item>
          <Form.Item name="limitPeriod" label={t('store.desk.limitPeriod')}>
            <Select
              style={{ width: 120 }}
              options={(['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(`store.periods.${p}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="merchantId" label={t('store.desk.merchant')}>
          <Select allowClear options={merchants} />
        </Form.Item>
        {goods && (
          <Form.Item name="active" label={t('store.desk.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function RestockModal({ goods, onClose }: { goods: Goods; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const restock = useRestock();
  const merchants = useMerchantOptions();
  return (
    <Modal
      open
      title={`${t('store.desk.restock')} · ${goods.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={restock.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ quantity: 10, merchantId: goods.merchant?.id }}
        onFinish={(v: {
          quantity: number;
          merchantId?: string;
          donatedOn?: { format(f: string): string };
          note?: string;
        }) =>
          restock.mutate(
            {
              params: { path: { id: goods.id } },
              body: {
                quantity: v.quantity,
                merchantId: v.merchantId || null,
                ...(v.donatedOn ? { donatedOn: v.donatedOn.format('YYYY-MM-DD') } : {}),
                note: v.note || null,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('store.desk.saved'));
                onClose();
              },
              onError: (e) => showErrors(e, form, (s) => void message.error(s)),
            },
          )
        }
      >
        <Form.Item name="quantity" label={t('store.desk.restockQuantity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100_000} precision={0} />
        </Form.Item>
        <Form.Item name="merchantId" label={t('store.desk.merchant')}>
          <Select allowClear options={merchants} />
        </Form.Item>
        <Form.Item name="donatedOn" label={t('store.desk.donatedOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('store.desk.note')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StocktakeModal({ goods, onClose }: { goods: Goods; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const take = useStocktake();
  return (
    <Modal
      open
      title={`${t('store.desk.stocktake')} · ${goods.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={take.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ counted: goods.stock }}
        onFinish={(v: { counted: number; reason: string }) =>
          take.mutate(
            { params: { path: { id: goods.id } }, body: v },
            {
              onSuccess: () => {
                void message.success(t('store.desk.saved'));
                onClose();
              },
              onError: (e) => showErrors(e, form, (s) => void message.error(s)),
            },
          )
        }
      >
        <Form.Item name="counted" label={t('store.desk.counted')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1_000_000} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={t('store.desk.reason')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HistoryDrawer({ goods, onClose }: { goods: Goods | null; onClose: () => void }) {
  const { t } = useTranslation();
  const movements = useMovements(goods?.id ?? null);
  return (
    <Drawer
      open={!!goods}
      onClose={onClose}
      title={goods ? `${t('store.desk.history')} · ${goods.name}` : ''}
      size={520}
    >
      <Table
        rowKey="id"
        size="small"
        loading={movements.isPending && !!goods}
        dataSource={movements.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '', key: 'at', render: (_, m) => formatDateTime(m.at) },
          { title: '', key: 'kind', render: (_, m) => t(`store.desk.kinds.${m.kind}`) },
          { title: '', key: 'delta', render: (_, m) => (m.delta > 0 ? `+${m.delta}` : m.delta) },
          { title: t('store.desk.stockCol'), dataIndex: 'stockAfter', key: 'after' },
          { title: t('store.desk.note'), key: 'note', render: (_, m) => m.note ?? '' },
          { title: '', key: 'who', render: (_, m) => m.actorName ?? '' },
        ]}
      />
    </Drawer>
  );
}
