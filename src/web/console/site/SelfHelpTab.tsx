import { Alert, App, Button, Card, Drawer, Form, Input, InputNumber, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { formatDateTimeSeconds } from '../../shared/time.js';
import {
  type SelfHelpItem,
  type StaffSite,
  useCreateItem,
  useMoveItem,
  useMovements,
  useSelfHelpItems,
} from './data.js';
import { showFieldErrors } from './SiteInfoTab.js';

/** The self-help corner: items and how many are left, take and restock, and each item's ledger. */
export function SelfHelpTab({ site }: { site: StaffSite }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const items = useSelfHelpItems(site.id);
  const create = useCreateItem();
  const move = useMoveItem();
  const [form] = Form.useForm<{ name: string; unit: string; quantity: number }>();
  const [amounts, setAmounts] = useState<Record<string, number>>({});
  const [ledgerOf, setLedgerOf] = useState<SelfHelpItem | null>(null);
  const movements = useMovements(site.id, ledgerOf?.id ?? null);
  const notify = (text: string) => void message.error(text);

  if (!site.zones.includes('self_help')) {
    return <Alert type="info" showIcon title={t('siteConsole.zoneClosed', { zone: t('siteZones.self_help') })} />;
  }

  const doMove = (item: SelfHelpItem, kind: 'take' | 'restock') =>
    move[kind].mutate(
      { params: { path: { siteId: site.id, itemId: item.id } }, body: { quantity: amounts[item.id] ?? 1 } },
      {
        onSuccess: (i) => void message.success(t('siteConsole.quantityNow', { name: i.name, quantity: i.quantity })),
        onError: (e) => showFieldErrors(e, form, notify),
      },
    );

  const columns: TableColumnsType<SelfHelpItem> = [
    { title: t('siteConsole.itemName'), dataIndex: 'name', key: 'name' },
    {
      title: t('siteConsole.quantity'),
      key: 'quantity',
      render: (_: unknown, i: SelfHelpItem) => `${i.quantity} ${i.unit}`,
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, i: SelfHelpItem) => (
        <Space wrap>
          <InputNumber
            aria-label={t('siteConsole.amount')}
            min={1}
            max={100000}
            value={amounts[i.id] ?? 1}
            onChange={(v) => setAmounts((a) => ({ ...a, [i.id]: v ?? 1 }))}
            style={{ width: 90 }}
          />
          <Button size="small" onClick={() => doMove(i, 'take')} disabled={i.quantity === 0}>
            {t('siteConsole.take')}
          </Button>
          <Button size="small" onClick={() => doMove(i, 'restock')}>
            {t('siteConsole.restock')}
          </Button>
          <Button size="small" type="link" onClick={() => setLedgerOf(i)}>
            {t('siteConsole.ledger')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('siteConsole.addItem')}>
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 8 }}
          initialValues={{ unit: '件', quantity: 0 }}
          onFinish={(v) =>
            create.mutate(
              { params: { path: { siteId: site.id } }, body: v },
              {
                onSuccess: () => {
                  form.resetFields();
                  void message.success(t('siteConsole.saved'));
                },
                onError: (e) => showFieldErrors(e, form, notify),
              },
            )
          }
        >
          <Form.Item name="name" label={t('siteConsole.itemName')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={textLimits.selfHelpItemName} />
          </Form.Item>
          <Form.Item name="unit" label={t('siteConsole.unit')} rules={[{ required: true }]}>
            <Input maxLength={textLimits.selfHelpItemUnit} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="quantity" label={t('siteConsole.quantity')}>
            <InputNumber min={0} max={100000} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={create.isPending}>
            {t('siteConsole.add')}
          </Button>
        </Form>
      </Card>
      <Card title={t('siteConsole.items')}>
        <Table<SelfHelpItem>
          className="lf-items-table"
          rowKey="id"
          columns={columns}
          dataSource={items.data?.items ?? []}
          loading={items.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Drawer
        open={ledgerOf !== null}
        onClose={() => setLedgerOf(null)}
        title={t('siteConsole.ledgerOf', { name: ledgerOf?.name ?? '' })}
        size={480}
      >
        <Table
          rowKey="id"
          size="small"
          loading={movements.isPending}
          pagination={false}
          dataSource={movements.data?.items ?? []}
          columns={[
            {
              title: t('siteConsole.when'),
              dataIndex: 'at',
              render: (at: string) => formatDateTimeSeconds(at),
            },
            { title: t('siteConsole.change'), dataIndex: 'delta', render: (d: number) => (d > 0 ? `+${d}` : d) },
            { title: t('siteConsole.after'), dataIndex: 'quantityAfter' },
            { title: t('siteConsole.by'), dataIndex: 'actorName' },
            { title: t('siteConsole.note'), dataIndex: 'note' },
          ]}
        />
      </Drawer>
    </Space>
  );
}
