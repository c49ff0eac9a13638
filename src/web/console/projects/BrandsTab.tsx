/** The brands (品牌): name, owner, series and projects in the library; a brand opens with its series. */
import { Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { useBrands } from '../../projects/data.js';
import { PageError } from '../PageState.js';
import { BrandDrawer, BrandModal } from './BrandDrawer.js';

export function BrandsTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const brands = useBrands(q);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (brands.isError) return <PageError error={brands.error} onRetry={() => brands.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('projects.desk.brands.new')}
        </Button>
        <Input.Search
          allowClear
          placeholder={t('projects.desk.brands.search')}
          onSearch={setQ}
          maxLength={textLimits.brandName}
        />
      </Space>
      <Table
        rowKey="id"
        loading={brands.isPending}
        dataSource={brands.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('projects.desk.brands.name'),
            render: (_, b) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(b.id)}>
                {b.name}
              </Button>
            ),
          },
          { title: t('projects.desk.brands.owner'), render: (_, b) => b.organisation.name },
          {
            title: t('projects.desk.brands.series'),
            render: (_, b) => b.series.map((s) => <Tag key={s.id}>{s.name}</Tag>),
          },
          { title: t('projects.desk.brands.projects'), dataIndex: 'projects', width: 100 },
        ]}
      />
      {creating && <BrandModal onClose={() => setCreating(false)} />}
      {open && <BrandDrawer id={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
