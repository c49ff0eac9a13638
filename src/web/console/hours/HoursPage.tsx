/** 服务时长 (console): pending service records in scope, confirmed one by one or in bulk; corrections to decide. */
import { App, Button, Card, Space, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import {
  type HoursCorrection,
  type ServiceRecord,
  useConfirmRecords,
  useDecideCorrection,
  usePendingCorrections,
  usePendingRecords,
} from '../../hours/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { PageError } from '../PageState.js';

export function HoursPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('hours.console.title')}>
      <p className="lf-muted">{t('hours.console.intro')}</p>
      <Tabs
        items={[
          { key: 'pending', label: t('hours.console.pendingTab'), children: <PendingRecords /> },
          { key: 'corrections', label: t('hours.console.correctionsTab'), children: <Corrections /> },
        ]}
      />
    </Card>
  );
}

function PendingRecords() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const records = usePendingRecords();
  const confirm = useConfirmRecords();
  const [selected, setSelected] = useState<string[]>([]);
  const columns: TableColumnsType<ServiceRecord> = [
    {
      title: t('hours.console.volunteer'),
      key: 'volunteer',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.volunteer.name}</span>
          <span className="lf-muted">{r.volunteer.number}</span>
        </Space>
      ),
    },
    {
      title: t('hours.console.content'),
      key: 'content',
      render: (_, r) => (
        <>
          {r.content} {r.synthetic && <Tag>{t('hours.console.synthetic')}</Tag>}
        </>
      ),
    },
    {
      title: t('hours.console.time'),
      key: 'time',
      render: (_, r) =>
        r.startedAt
          ? `${dateTime(r.startedAt)}${r.endedAt ? ` – ${dateTime(r.endedAt)}` : ''}`
          : dateTime(r.recordedAt),
    },
    { title: t('hours.console.minutes'), dataIndex: 'minutes', key: 'minutes' },
  ];
  const run = (ids: string[]) =>
    confirm.mutate(
      { ids, key: newIdempotencyKey() },
      {
        onSuccess: (res) => {
          setSelected([]);
          void message.success(t('hours.console.confirmed', { count: res.confirmed.length }));
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {records.isError && <PageError error={records.error} onRetry={() => records.refetch()} />}
      <Button type="primary" disabled={selected.length === 0} loading={confirm.isPending} onClick={() => run(selected)}>
        {t('hours.console.confirmSelected', { count: selected.length })}
      </Button>
      <Table<ServiceRecord>
        rowKey="id"
        columns={columns}
        dataSource={records.data?.items ?? []}
        loading={records.isPending}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (r) => ({ disabled: !r.can.confirm, 'aria-label': r.volunteer.name }),
        }}
        pagination={false}
        size="small"
        locale={{ emptyText: t('hours.console.empty') }}
      />
    </Space>
  );
}

function Corrections() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const corrections = usePendingCorrections();
  const decide = useDecideCorrection();
  const act = (id: string, decision: 'approve' | 'reject') =>
    decide.mutate(
      { id, decision, key: newIdempotencyKey() },
      {
        onSuccess: () => void message.success(t('hours.console.decided')),
        onError: (err) => void message.error(errorText(err)),
      },
    );
  const columns: TableColumnsType<HoursCorrection> = [
    { title: t('hours.console.volunteer'), dataIndex: 'volunteerName', key: 'volunteer' },
    { title: t('hours.console.content'), dataIndex: 'content', key: 'content' },
    { title: t('hours.console.from'), dataIndex: 'fromMinutes', key: 'from' },
    { title: t('hours.console.to'), dataIndex: 'minutes', key: 'to' },
    { title: t('hours.console.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('hours.console.requestedBy'), key: 'by', render: (_, c) => c.requestedBy?.name ?? '—' },
    {
      title: '',
      key: 'actions',
      render: (_, c) => (
        <Space>
          <Button size="small" type="primary" onClick={() => act(c.id, 'approve')}>
            {t('hours.console.approve')}
          </Button>
          <Button size="small" danger onClick={() => act(c.id, 'reject')}>
            {t('hours.console.reject')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      {corrections.isError && <PageError error={corrections.error} onRetry={() => corrections.refetch()} />}
      <Table<HoursCorrection>
        rowKey="id"
        columns={columns}
        dataSource={corrections.data?.items ?? []}
        loading={corrections.isPending}
        pagination={false}
        size="small"
        locale={{ emptyText: t('hours.console.noCorrections') }}
      />
    </>
  );
}
