/** The calls for projects, the latest first: window, level, what they require, how many applied. */
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectCall, useCalls } from '../../projects/data.js';
import { formatShortDateTime } from '../../shared/time.js';
import { PageError } from '../PageState.js';
import { CallModal } from './CallModal.js';

export function callStatus(c: ProjectCall, now = Date.now()) {
  if (c.open) return 'open' as const;
  return new Date(c.opensAt).getTime() > now ? ('upcoming' as const) : ('closed' as const);
}
const statusColour = { open: 'green', upcoming: 'blue', closed: 'default' } as const;

export function CallsTab({ onProjects }: { onProjects: (callId: string) => void }) {
  const { t } = useTranslation();
  const calls = useCalls();
  const [editing, setEditing] = useState<ProjectCall | 'new' | null>(null);
  if (calls.isError) return <PageError error={calls.error} onRetry={() => calls.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')}>
        {t('projects.desk.calls.new')}
      </Button>
      <Table
        rowKey="id"
        loading={calls.isPending}
        dataSource={calls.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('projects.desk.calls.title'), dataIndex: 'title' },
          { title: t('projects.desk.calls.level'), render: (_, c) => t(`projects.levels.${c.level}`) },
          { title: t('projects.desk.calls.year'), dataIndex: 'year', width: 70 },
          {
            title: t('projects.desk.calls.window'),
            render: (_, c) => `${formatShortDateTime(c.opensAt)} – ${formatShortDateTime(c.closesAt)}`,
          },
          {
            title: t('projects.fields.state'),
            render: (_, c) => {
              const s = callStatus(c);
              return <Tag color={statusColour[s]}>{t(`projects.desk.calls.${s}`)}</Tag>;
            },
          },
          {
            title: t('projects.desk.calls.requiredFields'),
            render: (_, c) => c.requiredFields.map((f) => t(`projects.optional.${f}`)).join('、') || '—',
          },
          { title: t('projects.desk.calls.projects'), dataIndex: 'projects', width: 80 },
          {
            title: '',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => setEditing(c)}>
                  {t('projects.desk.calls.edit')}
                </Button>
                <Button size="small" type="link" onClick={() => onProjects(c.id)}>
                  {t('projects.desk.calls.viewProjects')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <CallModal call={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
