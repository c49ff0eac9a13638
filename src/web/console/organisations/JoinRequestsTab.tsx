/** 加入申请: an organisation's pending join requests, approved or declined with a reason. */
import { App, Button, Empty, Input, Modal, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { type JoinRequest, useApproveRequest, useDeclineRequest, useJoinRequests } from '../../people/data.js';
import { formatDateTime } from '../../shared/time.js';
import { PageError } from '../PageState.js';

export function JoinRequestsTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const requests = useJoinRequests(id);
  const approveRequest = useApproveRequest();
  const declineRequest = useDeclineRequest();
  const deciding = approveRequest.isPending || declineRequest.isPending;
  const [declining, setDeclining] = useState<JoinRequest | null>(null);
  const [reason, setReason] = useState('');
  const run = (requestId: string, approve: boolean, why?: string) => {
    const handlers = {
      onSuccess: () => {
        setDeclining(null);
        setReason('');
        message.success(approve ? t('people.requests.approved') : t('people.requests.declined'));
      },
      onError: (error: unknown) => message.error(errorText(error)),
    };
    const path = { id, requestId };
    if (approve) approveRequest.mutate({ params: { path } }, handlers);
    else declineRequest.mutate({ params: { path }, body: { reason: why } }, handlers);
  };
  const columns: TableColumnsType<JoinRequest> = [
    {
      title: t('people.console.applicant'),
      key: 'user',
      render: (_: unknown, r) => (
        <>
          {r.user.displayName} <Typography.Text type="secondary">{r.user.phone}</Typography.Text>
        </>
      ),
    },
    {
      title: t('people.console.message'),
      dataIndex: 'message',
      key: 'message',
      render: (m: string | null) => m || '—',
    },
    {
      title: t('people.console.appliedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      responsive: ['md'],
      render: (iso: string) => formatDateTime(iso),
    },
    {
      title: t('people.console.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Space>
          <Button type="primary" size="small" loading={deciding} onClick={() => run(r.id, true)}>
            {t('people.requests.approve')}
          </Button>
          <Button danger size="small" onClick={() => setDeclining(r)}>
            {t('people.requests.decline')}
          </Button>
        </Space>
      ),
    },
  ];
  if (requests.isError) return <PageError error={requests.error} onRetry={() => requests.refetch()} />;
  return (
    <>
      <Table<JoinRequest>
        rowKey="id"
        columns={columns}
        dataSource={requests.data?.items ?? []}
        loading={requests.isPending}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('people.requests.empty')} /> }}
      />
      <Modal
        open={!!declining}
        title={t('people.requests.declineTitle', { name: declining?.user.displayName ?? '' })}
        okText={t('people.requests.decline')}
        okButtonProps={{ danger: true, loading: deciding }}
        cancelText={t('people.console.cancel')}
        onCancel={() => setDeclining(null)}
        onOk={() => declining && run(declining.id, false, reason.trim() || undefined)}
      >
        <Input.TextArea
          aria-label={t('people.requests.reason')}
          placeholder={t('people.requests.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={textLimits.joinDeclineReason}
        />
      </Modal>
    </>
  );
}
