import { Button, Dialog, Empty, List, Space, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import {
  type JoinRequest,
  useApproveRequest,
  useDeclineRequest,
  useJoinRequests,
  useOrganisation,
} from '../../people/data.js';
import { LimitedTextArea } from '../../shared/LimitedTextArea.js';
import { formatDateTime } from '../../shared/time.js';
import { H5Error, H5Loading, SubPage } from './states.js';

/** 入队申请 for a team's leaders and admins: approve, or decline with an optional reason. */
export function TeamRequestsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const org = useOrganisation(id);
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
        Toast.show({
          icon: 'success',
          content: approve ? t('people.requests.approved') : t('people.requests.declined'),
        });
      },
      onError: (error: unknown) => Toast.show({ icon: 'fail', content: errorText(error) }),
    };
    const path = { id, requestId };
    if (approve) approveRequest.mutate({ params: { path } }, handlers);
    else declineRequest.mutate({ params: { path }, body: { reason: why } }, handlers);
  };

  return (
    <SubPage title={`${t('people.requests.title')}${org.data ? ` · ${org.data.name}` : ''}`} back={`/h5/teams/${id}`}>
      {requests.isPending && <H5Loading />}
      {requests.isError && <H5Error error={requests.error} onRetry={() => requests.refetch()} />}
      {requests.data?.items.length === 0 && <Empty description={t('people.requests.empty')} />}
      {requests.data && requests.data.items.length > 0 && (
        <List mode="card">
          {requests.data.items.map((r) => (
            <List.Item
              key={r.id}
              className="lf-h5-request"
              description={
                <>
                  {r.message && <div>{t('people.requests.message', { message: r.message })}</div>}
                  <div>{t('people.requests.appliedAt', { time: formatDateTime(r.createdAt) })}</div>
                </>
              }
              extra={
                <Space>
                  <Button size="small" color="primary" loading={deciding} onClick={() => run(r.id, true)}>
                    {t('people.requests.approve')}
                  </Button>
                  <Button size="small" color="danger" fill="outline" onClick={() => setDeclining(r)}>
                    {t('people.requests.decline')}
                  </Button>
                </Space>
              }
            >
              {r.user.displayName} <span className="lf-h5-muted">{r.user.phone}</span>
            </List.Item>
          ))}
        </List>
      )}
      <Dialog
        visible={!!declining}
        title={t('people.requests.declineTitle', { name: declining?.user.displayName ?? '' })}
        content={
          <>
            <label htmlFor="lf-decline-reason" className="lf-h5-label">
              {t('people.requests.reason')}
            </label>
            <LimitedTextArea
              id="lf-decline-reason"
              value={reason}
              onChange={setReason}
              limit={textLimits.joinDeclineReason}
              rows={3}
            />
          </>
        }
        closeOnAction={false}
        onClose={() => setDeclining(null)}
        actions={[
          [
            { key: 'cancel', text: t('people.console.cancel'), onClick: () => setDeclining(null) },
            {
              key: 'decline',
              text: t('people.requests.decline'),
              danger: true,
              bold: true,
              disabled: deciding,
              onClick: () => {
                if (declining) run(declining.id, false, reason.trim() || undefined);
              },
            },
          ],
        ]}
      />
    </SubPage>
  );
}
