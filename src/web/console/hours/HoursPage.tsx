/** 服务时长 (console): pending service records in scope, confirmed one by one or in bulk; corrections to decide. */
import { App, Button, Card, Input, Modal, Space, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { dateTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import {
  type HoursCorrection,
  type ServiceRecord,
  useApproveCorrection,
  useConfirmRecords,
  usePendingCorrections,
  usePendingRecords,
  useRejectCorrection,
  useRejectRecord,
} from '../../hours/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { PageError } from '../PageState.js';
import { CertificatesTab } from './CertificatesTab.js';

export function HoursPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('hours.console.title')}>
      <p className="lf-muted">{t('hours.console.intro')}</p>
      <Tabs
        items={[
          { key: 'pending', label: t('hours.console.pendingTab'), children: <PendingRecords /> },
          { key: 'corrections', label: t('hours.console.correctionsTab'), children: <Corrections /> },
          { key: 'certificates', label: t('hours.certificates.tab'), children: <CertificatesTab /> },
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
  const [rejecting, setRejecting] = useState<ServiceRecord | null>(null);
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
    {
      title: '',
      key: 'actions',
      render: (_, r) =>
        r.can.reject && (
          <Button size="small" danger onClick={() => setRejecting(r)}>
            {t('hours.console.rejectRecord')}
          </Button>
        ),
    },
  ];
  const run = (ids: string[]) =>
    confirm.mutate(
      { body: { ids }, headers: { 'Idempotency-Key': newIdempotencyKey() } },
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
      {rejecting && <RejectModal record={rejecting} onClose={() => setRejecting(null)} />}
    </Space>
  );
}

function Corrections() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const corrections = usePendingCorrections();
  const approve = useApproveCorrection();
  const refuse = useRejectCorrection();
  const act = (id: string, decision: 'approve' | 'reject') =>
    (decision === 'approve' ? approve : refuse).mutate(
      { params: { path: { id } }, body: {}, headers: { 'Idempotency-Key': newIdempotencyKey() } },
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

/** 驳回: a pending record refused with a reason the volunteer reads; it never counts. */
function RejectModal({ record, onClose }: { record: ServiceRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reject = useRejectRecord();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (reason.trim().length < 2) {
      setProblem(t('hours.console.rejectReasonRequired'));
      return;
    }
    reject.mutate(
      { params: { path: { id: record.id } }, body: { reason: reason.trim() } },
      {
        onSuccess: () => {
          void message.success(t('hours.console.rejected'));
          onClose();
        },
        onError: (err) => setProblem(errorText(err)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('hours.console.rejectTitle')}
      okText={t('hours.console.rejectRecord')}
      okButtonProps={{ danger: true, loading: reject.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <p>
        {record.volunteer.name} · {record.content} · {t('hours.mine.minutes', { minutes: record.minutes })}
      </p>
      <label htmlFor="lf-reject-reason">{t('hours.console.rejectReason')}</label>
      <Input.TextArea
        id="lf-reject-reason"
        value={reason}
        maxLength={textLimits.hoursRejectReason}
        showCount
        status={problem ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setProblem(null);
        }}
      />
      {problem && <div style={{ color: '#ff4d4f' }}>{problem}</div>}
    </Modal>
  );
}
