/** 志愿者: the volunteers in scope (masked), filters, export, import, desk registration, and one volunteer's drawer. */
import { DownloadOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Space, Table, type TableColumnsType, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  statusColour,
  useRegistrationOptions,
  type VolunteerStatus,
  type VolunteerSummary,
  volunteerStatuses,
} from '../shared/volunteers.js';
import { ImportModal } from './ImportModal.js';
import { ListFooter, PageHead } from './ListFrame.js';
import { PageError, usePageTitle } from './PageState.js';
import { useRegionOptions } from './region-options.js';
import { VolunteerDrawer } from './VolunteerDrawer.js';
import { exportUrl, useVolunteers, type VolunteerFilter } from './volunteers-data.js';

export function VolunteersPage() {
  const { t } = useTranslation();
  usePageTitle(t('console.volunteers.title'));
  const navigate = useNavigate();
  const [filter, setFilter] = useState<VolunteerFilter>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const volunteers = useVolunteers(filter);
  const options = useRegistrationOptions();
  const regions = useRegionOptions();
  const rows = useMemo(() => volunteers.data?.pages.flatMap((p) => p.items) ?? [], [volunteers.data]);
  const set = (patch: Partial<VolunteerFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<VolunteerSummary> = [
    { title: t('volunteer.fields.number'), dataIndex: 'number', key: 'number' },
    {
      title: t('volunteer.fields.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, v) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setSelected(v.id)}>
          {name}
        </Button>
      ),
    },
    {
      title: t('volunteer.fields.gender'),
      dataIndex: 'gender',
      key: 'gender',
      responsive: ['md'],
      render: (g: VolunteerSummary['gender']) => t(`volunteer.genders.${g}`),
    },
    { title: t('volunteer.fields.phone'), dataIndex: 'phoneMasked', key: 'phone' },
    { title: t('volunteer.fields.idNumber'), dataIndex: 'idNumberMasked', key: 'id', responsive: ['lg'] },
    { title: t('volunteer.fields.community'), key: 'region', render: (_, v) => v.region.name },
    {
      title: t('volunteer.fields.skills'),
      key: 'skills',
      responsive: ['xl'],
      render: (_, v) => v.skills.map((s) => <Tag key={s.code}>{s.name}</Tag>),
    },
    {
      title: t('volunteer.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: VolunteerStatus) => <Tag color={statusColour[s]}>{t(`volunteer.statuses.${s}`)}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHead
        title={t('console.volunteers.title')}
        intro={t('console.volunteers.intro')}
        actions={
          <Space wrap>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => navigate('/console/volunteers/new')}>
              {t('console.volunteers.register')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('console.volunteers.import')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl(filter)} download>
              {t('console.volunteers.export')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            aria-label={t('console.volunteers.search')}
            placeholder={t('console.volunteers.search')}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            style={{ width: 240 }}
          />
          <Select<VolunteerStatus>
            allowClear
            aria-label={t('volunteer.fields.status')}
            placeholder={t('console.volunteers.allStatuses')}
            value={filter.status}
            onChange={(status) => set({ status })}
            options={volunteerStatuses.map((s) => ({ value: s, label: t(`volunteer.statuses.${s}`) }))}
            style={{ minWidth: 140 }}
          />
          <Select<string>
            allowClear
            aria-label={t('volunteer.fields.skills')}
            placeholder={t('console.volunteers.allSkills')}
            value={filter.skill}
            onChange={(skill) => set({ skill })}
            options={(options.data?.skills ?? []).map((s) => ({ value: s.code, label: s.name }))}
            style={{ minWidth: 160 }}
          />
          <TreeSelect<string>
            allowClear
            showSearch
            aria-label={t('volunteer.fields.community')}
            placeholder={t('console.volunteers.allRegions')}
            value={filter.regionCode}
            onChange={(v) => set({ regionCode: v || undefined })}
            treeData={regions.options}
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={regions.roots}
            style={{ minWidth: 220 }}
          />
        </Space>
        {volunteers.isError && <PageError error={volunteers.error} onRetry={() => volunteers.refetch()} />}
        <Table<VolunteerSummary>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={volunteers.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          onRow={(v) => ({ onDoubleClick: () => setSelected(v.id) })}
          locale={{ emptyText: <Empty description={t('console.volunteers.empty')} /> }}
        />
        <ListFooter
          list={volunteers}
          count={rows.length}
          shown={(count) => t('console.volunteers.shown', { count })}
          allShown={(count) => t('console.volunteers.allShown', { count })}
        />
      </Card>
      <VolunteerDrawer id={selected} onClose={() => setSelected(null)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </Space>
  );
}
