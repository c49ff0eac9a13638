/** 我的服务时长: total confirmed hours, star level and the way to the next, records, certificates. */
import { Button, Card, List, ProgressBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { hours, useMyCertificates, useMyHours, useMyRecords, useRequestCertificate } from '../../hours/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';

const statusColour = { pending: 'warning', confirmed: 'success', rejected: 'danger', corrected: 'default' } as const;

export function MyHoursPage() {
  const { t } = useTranslation();
  const summary = useMyHours();
  const records = useMyRecords();
  const certificates = useMyCertificates();
  const request = useRequestCertificate();
  const star = summary.data?.star;
  return (
    <SubPage title={t('hours.mine.title')} back="/h5/mine">
      {summary.isPending && <H5Loading />}
      {summary.isError && <H5Error error={summary.error} onRetry={() => summary.refetch()} />}
      {star && summary.data && (
        <Card className="lf-h5-card">
          <div className="lf-h5-muted">{t('hours.mine.total')}</div>
          <div className="lf-hours-total" data-testid="hours-total">
            {t('hours.mine.hoursValue', { hours: hours(star.totalMinutes) })}
          </div>
          {summary.data.pendingMinutes > 0 && (
            <div className="lf-h5-muted">{t('hours.mine.pending', { hours: hours(summary.data.pendingMinutes) })}</div>
          )}
          <p>
            <Tag color="primary">
              {star.level > 0 ? t('hours.mine.stars', { level: star.level }) : t('hours.mine.noStar')}
            </Tag>{' '}
            {'★'.repeat(star.level)}
          </p>
          {star.nextThresholdHours !== null ? (
            <>
              <ProgressBar percent={Math.round(star.progress * 100)} />
              <div className="lf-h5-muted">
                {t('hours.mine.toNext', { next: star.level + 1, hours: hours(star.minutesToNext) })}
              </div>
            </>
          ) : (
            <div className="lf-h5-muted">{t('hours.mine.topStar')}</div>
          )}
        </Card>
      )}
      <List header={t('hours.mine.records')} mode="card">
        {records.isError && <H5Error error={records.error} onRetry={() => records.refetch()} />}
        {records.data?.items.length === 0 && <List.Item>{t('hours.mine.noRecords')}</List.Item>}
        {records.data?.items.map((r) => (
          <List.Item
            key={r.id}
            description={`${r.startedAt ? dateTime(r.startedAt) : dateTime(r.recordedAt)}${r.organisation ? ` · ${r.organisation.name}` : ''}`}
            extra={
              <>
                <div>{t('hours.mine.minutes', { minutes: r.minutes })}</div>
                <Tag color={statusColour[r.status]}>{t(`hours.status.${r.status}`)}</Tag>
              </>
            }
          >
            {r.content}
            {r.status === 'rejected' && r.rejectReason && (
              <div className="lf-h5-muted" data-testid="reject-reason">
                {t('hours.mine.rejectReason', { reason: r.rejectReason })}
              </div>
            )}
          </List.Item>
        ))}
      </List>
      <List header={t('hours.mine.certificates')} mode="card">
        {certificates.data?.items.length === 0 && <List.Item>{t('hours.mine.noCertificates')}</List.Item>}
        {certificates.data?.items.map((c) => (
          <List.Item
            key={c.id}
            description={
              c.reason
                ? `${c.number ?? dateTime(c.requestedAt)} · ${t('hours.certificates.because', { reason: c.reason })}`
                : (c.number ?? dateTime(c.requestedAt))
            }
            extra={
              c.state === 'issued' ? (
                <a href={`/api/v1/certificates/${c.id}/pdf`} download>
                  {t('hours.mine.download')}
                </a>
              ) : (
                <Tag>{t(`hours.certState.${c.state}`)}</Tag>
              )
            }
          >
            {c.totalMinutes !== null ? t('hours.mine.hoursValue', { hours: hours(c.totalMinutes) }) : '—'}
          </List.Item>
        ))}
      </List>
      <div className="lf-h5-block">
        <Button
          block
          color="primary"
          fill="outline"
          loading={request.isPending}
          onClick={() =>
            request.mutate(
              { body: {}, headers: { 'Idempotency-Key': newIdempotencyKey() } },
              {
                onSuccess: () => Toast.show({ icon: 'success', content: t('hours.mine.requested') }),
                onError: (err) => Toast.show({ icon: 'fail', content: errorText(err) }),
              },
            )
          }
        >
          {t('hours.mine.requestAll')}
        </Button>
      </div>
    </SubPage>
  );
}
