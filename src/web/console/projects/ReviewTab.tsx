/** 项目审核: what waits for a decision at the caller's level (or every project in scope), by call and state. */
import { Button, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { type ProjectItem, pick, type StaffFilter, useCalls, useStaffProjects } from '../../projects/data.js';
import { formatShortDateTime } from '../../shared/time.js';
import { PageError } from '../PageState.js';
import { ProjectDrawer } from './ProjectDrawer.js';

const states = ['submitted', 'returned', 'rejected', 'approved', 'concluded'] as const;
export const stateColour: Record<ProjectItem['state'], string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  rejected: 'error',
  approved: 'success',
  concluded: 'purple',
};

export function ReviewTab({ callId, onCall }: { callId?: string; onCall: (id?: string) => void }) {
  const { t } = useTranslation();
  const [queue, setQueue] = useState<'review' | 'all'>('review');
  const [state, setState] = useState<StaffFilter['state']>();
  const [open, setOpen] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const calls = useCalls();
  const list = useStaffProjects({ queue, state, callId, q: q || undefined, limit: 50 });
  if (list.isError) return <PageError error={list.error} onRetry={() => list.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={queue}
          onChange={(v) => setQueue(v as 'review' | 'all')}
          options={[
            { value: 'review', label: t('projects.desk.review.queue') },
            { value: 'all', label: t('projects.desk.review.all') },
          ]}
        />
        <Select
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('projects.desk.review.filterCall')}
          value={callId}
          onChange={(v) => onCall(v)}
          options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('projects.desk.review.filterState')}
          value={state}
          onChange={setState}
          options={states.map((s) => ({ value: s, label: t(`projects.states.${s}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('projects.desk.review.search')}
          maxLength={textLimits.projectName}
          onSearch={(v) => setQ(v.trim())}
        />
      </Space>
      <Table
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('projects.desk.review.empty') }}
        columns={[
          {
            title: t('projects.fields.name'),
            render: (_, p) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(p.id)}>
                {p.name}
              </Button>
            ),
          },
          { title: t('projects.fields.organisation'), render: (_, p) => p.organisation.name },
          { title: t('projects.fields.category'), render: (_, p) => t(`projects.categories.${p.category}`) },
          { title: t('projects.fields.level'), render: (_, p) => t(`projects.levels.${p.level}`) },
          {
            title: t('projects.fields.state'),
            render: (_, p) => <Tag color={stateColour[p.state]}>{pick(p.stateLabel)}</Tag>,
          },
          { title: t('projects.desk.review.reviewAt'), render: (_, p) => p.reviewRegion?.name ?? '—' },
          {
            title: t('projects.fields.submittedAt'),
            render: (_, p) => (p.submittedAt ? formatShortDateTime(p.submittedAt) : '—'),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('projects.desk.review.more')}
        </Button>
      )}
      {open && <ProjectDrawer id={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
