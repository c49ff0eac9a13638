/** 服务菜单 (staff): the menu items in scope (add, edit, list or withdraw) and the service categories. */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { type MenuItem, useAllCategories, useSaveItem, useStaffMenu } from '../../orders/data.js';
import { ListFooter } from '../ListFrame.js';
import { PageError, usePageTitle } from '../PageState.js';
import { CategoriesTab } from './CategoriesTab.js';
import { ItemModal } from './ItemModal.js';

type Active = 'true' | 'false' | 'all';

export function MenuAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('orders.menuAdmin.title'));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('orders.menuAdmin.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('orders.menuAdmin.intro')}</Typography.Text>
      </div>
      <Card>
        <Tabs
          items={[
            { key: 'items', label: t('orders.menuAdmin.items'), children: <ItemsTab /> },
            { key: 'categories', label: t('orders.menuAdmin.categories'), children: <CategoriesTab /> },
          ]}
        />
      </Card>
    </Space>
  );
}

function ItemsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [category, setCategory] = useState<string>();
  const [active, setActive] = useState<Active>('all');
  const [editing, setEditing] = useState<MenuItem | 'new' | null>(null);
  const items = useStaffMenu({ category, active });
  const categories = useAllCategories();
  const save = useSaveItem();
  const rows = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);
  const en = currentLanguage() === 'en';

  const columns: TableColumnsType<MenuItem> = [
    {
      title: t('orders.menuAdmin.itemTitle'),
      key: 'title',
      render: (_, i) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(i)}>
          {i.title}
        </Button>
      ),
    },
    { title: t('orders.fields.category'), key: 'category', render: (_, i) => (en ? i.categoryNameEn : i.categoryName) },
    {
      title: t('orders.fields.provider'),
      key: 'provider',
      render: (_, i) => (
        <>
          <Tag>{t(`orders.providers.${i.providerKind}`)}</Tag>
          {i.organisationName ?? i.projectName}
        </>
      ),
    },
    {
      title: t('orders.fields.durationLabel'),
      key: 'duration',
      responsive: ['lg'],
      render: (_, i) => t('orders.fields.duration', { minutes: i.durationMinutes }),
    },
    { title: t('orders.menuAdmin.capacity'), dataIndex: 'capacity', key: 'capacity', responsive: ['lg'] },
    {
      title: t('orders.menuAdmin.active'),
      key: 'active',
      render: (_, i) => (
        <Switch
          checked={i.active}
          aria-label={`${t('orders.menuAdmin.active')} ${i.title}`}
          loading={save.isPending && save.variables?.id === i.id}
          onChange={(on) =>
            save.mutate(
              { id: i.id, body: { active: on } },
              {
                onSuccess: () =>
                  void message.success(on ? t('orders.menuAdmin.listed') : t('orders.menuAdmin.withdrawn')),
                onError: (err) => void message.error(errorText(err)),
              },
            )
          }
        />
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<string>
          allowClear
          aria-label={t('orders.fields.category')}
          placeholder={t('orders.menuAdmin.allCategories')}
          value={category}
          onChange={setCategory}
          options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))}
          style={{ minWidth: 160 }}
        />
        <Select<Active>
          aria-label={t('orders.menuAdmin.active')}
          value={active}
          onChange={setActive}
          options={[
            { value: 'all', label: t('orders.menuAdmin.allItems') },
            { value: 'true', label: t('orders.menuAdmin.onlyActive') },
            { value: 'false', label: t('orders.menuAdmin.onlyInactive') },
          ]}
          style={{ minWidth: 120 }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('orders.menuAdmin.add')}
        </Button>
      </Space>
      {items.isError && <PageError error={items.error} onRetry={() => items.refetch()} />}
      <Table<MenuItem>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={items.isPending}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('orders.menuAdmin.empty')} /> }}
      />
      <ListFooter list={items} count={rows.length} />
      <ItemModal item={editing} onClose={() => setEditing(null)} />
    </>
  );
}
