/** 本队待确认时长: a team leader confirms their volunteers' pending hours, or rejects one with a reason. */
import { Button, Dialog, Empty, List, Space, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { dateTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { type ServiceRecord, useConfirmRecords, useRejectRecord, useTeamRecords } from '../../hours/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { LimitedTextArea } from '../../shared/LimitedTextArea.js';
import { H5Error, H5Loading, SubPage, useH5Title } from '../people/states.js';

export function TeamRecordsPage() {
  const { t } = useTranslation();
  useH5Title(t('hours.team.title'));
  const records = useTeamRecords();
  const confirm = useConfirmRecords();
  const reject = useRejectRecord();
  const [rejecting, setRejecting] = useState<ServiceRecord | null>(null);
  const [reason, setReason] = useState('');
  const busy = confirm.isPending || reject.isPending;
  const items = records.data?.items ?? [];
  const failed = (err: unknown) => Toast.show({ icon: 'fail', content: errorText(err) });

  const confirmIds = (ids: string[]) =>
    confirm.mutate(
      { body: { ids }, headers: { 'Idempotency-Key': newIdempotencyKey() } },
      {
        onSuccess: (res) =>
          Toast.show({ icon: 'success', content: t('hours.team.confirmed', { count: res.confirmed.length }) }),
        onError: failed,
      },
    );

  const submitReject = () => {
    if (!rejecting) return;
    if (reason.trim().length < 2) {
      Toast.show({ content: t('hours.team.rejectReasonRequired') });
      return;
    }
    reject.mutate(
      { params: { path: { id: rejecting.id } }, body: { reason: reason.trim() } },
      {
        onSuccess: () => {
          setRejecting(null);
          setReason('');
          Toast.show({ icon: 'success', content: t('hours.team.rejected') });
        },
        onError: failed,
      },
    );
  };

  return (
    <SubPage title={t('hours.team.title')} back="/h5/mine">
      <p className="lf-h5-block lf-h5-muted">{t('hours.team.intro')}</p>
      {records.isPending && <H5Loading />}
      {records.isError && <H5Error error={records.error} onRetry={() => records.refetch()} />}
      {records.data && items.length === 0 && (
        <div data-testid="team-records-empty">
          <Empty description={t('hours.team.empty')} />
        </div>
      )}
      {items.length > 0 && (
        <>
          <List mode="card" data-testid="team-records">
            {items.map((r) => (
              <List.Item
                key={r.id}
                data-testid="team-record"
                description={
                  <>
                    <div>{r.content}</div>
                    <div>
                      {r.startedAt ? dateTime(r.startedAt) : dateTime(r.recordedAt)}
                      {r.organisation ? ` · ${r.organisation.name}` : ''}
                    </div>
                    <div style={{ marginTop: 8 }}>
                      <Space wrap>
                        <Button size="small" color="primary" disabled={busy} onClick={() => confirmIds([r.id])}>
                          {t('hours.team.confirm')}
                        </Button>
                        <Button
                          size="small"
                          color="danger"
                          fill="outline"
                          disabled={busy}
                          onClick={() => {
                            setReason('');
                            setRejecting(r);
                          }}
                        >
                          {t('hours.team.reject')}
                        </Button>
                      </Space>
                    </div>
                  </>
                }
                extra={<strong>{t('hours.team.minutes', { minutes: r.minutes })}</strong>}
              >
                {r.volunteer.name}
              </List.Item>
            ))}
          </List>
          {items.length > 1 && (
            <div className="lf-h5-block">
              <Button
                block
                color="primary"
                fill="outline"
                loading={confirm.isPending}
                onClick={() => confirmIds(items.map((r) => r.id))}
              >
                {t('hours.team.confirmAll', { count: items.length })}
              </Button>
            </div>
          )}
        </>
      )}
      <Dialog
        visible={!!rejecting}
        title={t('hours.team.rejectTitle', { name: rejecting?.volunteer.name ?? '' })}
        content={
          <>
            <label htmlFor="lf-team-reject-reason" className="lf-h5-label">
              {t('hours.team.rejectReason')}
            </label>
            <LimitedTextArea
              id="lf-team-reject-reason"
              value={reason}
              onChange={setReason}
              limit={textLimits.hoursRejectReason}
              rows={3}
            />
          </>
        }
        closeOnAction={false}
        onClose={() => setRejecting(null)}
        actions={[
          [
            { key: 'cancel', text: t('hours.team.cancel'), onClick: () => setRejecting(null) },
            {
              key: 'reject',
              text: t('hours.team.reject'),
              danger: true,
              bold: true,
              disabled: reject.isPending,
              onClick: submitReject,
            },
          ],
        ]}
      />
    </SubPage>
  );
}
