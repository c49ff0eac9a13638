/** 活动详情: what, where, when, who may come; each coming occurrence with sign-up and cancel. */
import { Button, Card, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  type ActivityDetail,
  type ActivitySession,
  useActivity,
  useSignUp,
  useSignupActions,
} from '../../activities/data.js';
import { cancelledSessionText, dateTime, sessionTime, signupColour } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import './activities.css';

export function ActivityPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const activity = useActivity(id);
  return (
    <SubPage title={activity.data?.title ?? t('activities.title')} back="/h5/activities">
      {activity.isPending && <H5Loading />}
      {activity.isError && <H5Error error={activity.error} onRetry={() => activity.refetch()} />}
      {activity.data && <ActivityBody activity={activity.data} />}
    </SubPage>
  );
}

function ActivityBody({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const [params] = useSearchParams();
  const highlighted = params.get('session');
  const requirements = [
    activity.minAge ? t('activities.minAge', { age: activity.minAge }) : null,
    ...activity.requiredSkills.map((s) => (en ? s.nameEn : s.name)),
  ].filter(Boolean);
  return (
    <>
      <Card className="lf-h5-card">
        <h2 className="lf-act-title">{activity.title}</h2>
        <p>
          {activity.series && (
            <Tag color="primary" fill="outline">
              {activity.series}
            </Tag>
          )}{' '}
          <Tag fill="outline">{en ? activity.category.nameEn : activity.category.name}</Tag>{' '}
          {activity.state !== 'published' && (
            <Tag color="danger">{en ? activity.stateLabel.en : activity.stateLabel.zh}</Tag>
          )}
        </p>
        <dl className="lf-act-meta">
          <dt>{t('activities.fields.time')}</dt>
          <dd>
            {activity.recurrence ? `${en ? activity.recurrence.en : activity.recurrence.zh} · ` : ''}
            {sessionTime(activity.startsAt, activity.endsAt)}
          </dd>
          <dt>{t('activities.fields.place')}</dt>
          <dd>
            {activity.site ? `${activity.site.name} · ` : ''}
            {activity.address}
          </dd>
          <dt>{t('activities.detail.organiser')}</dt>
          <dd>{activity.organisation.name}</dd>
          <dt>{t('activities.detail.requirements')}</dt>
          <dd>{requirements.length ? requirements.join('、') : t('activities.detail.none')}</dd>
          <dt>{t('activities.fields.approvalMode')}</dt>
          <dd>{t(`activities.approvalModes.${activity.approvalMode}`)}</dd>
          {activity.contactName && (
            <>
              <dt>{t('activities.fields.contact')}</dt>
              <dd>
                {activity.contactName} {activity.contactPhone}
              </dd>
            </>
          )}
        </dl>
        {activity.cancelReason && <p role="alert">{activity.cancelReason}</p>}
        {activity.description && <p className="lf-act-description">{activity.description}</p>}
      </Card>
      <List header={t('activities.detail.sessions')} mode="card">
        {activity.sessions.length === 0 && <List.Item>{t('activities.detail.noSessions')}</List.Item>}
        {activity.sessions.map((s) => (
          <SessionItem key={s.id} activity={activity} session={s} highlighted={s.id === highlighted} />
        ))}
      </List>
    </>
  );
}

function SessionItem({
  activity,
  session,
  highlighted,
}: {
  activity: ActivityDetail;
  session: ActivitySession;
  highlighted: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const en = currentLanguage() === 'en';
  const signUp = useSignUp();
  const change = useSignupActions();
  const key = useRef(newIdempotencyKey());
  const mine = session.mySignup;
  const live = mine && ['pending', 'confirmed', 'waitlisted'].includes(mine.state);
  const now = Date.now();
  const open =
    activity.state === 'published' &&
    !session.cancelled &&
    now >= Date.parse(session.signupOpensAt) &&
    now < Date.parse(session.signupClosesAt);
  const full = session.taken >= session.quota;
  const underWay = now >= Date.parse(session.startsAt) - 30 * 60_000 && now < Date.parse(session.endsAt);

  const doSignUp = async () => {
    try {
      const res = await signUp.mutateAsync({
        params: { path: { id: session.id } },
        headers: { 'Idempotency-Key': key.current },
      });
      key.current = newIdempotencyKey();
      const state = res.session.mySignup?.state;
      Toast.show({
        content:
          state === 'waitlisted'
            ? t('activities.actions.waitlisted')
            : state === 'pending'
              ? t('activities.actions.pending')
              : t('activities.actions.signedUp'),
      });
    } catch (err) {
      key.current = newIdempotencyKey();
      Toast.show({ content: errorText(err) });
    }
  };
  const doCancel = async () => {
    if (!mine) return;
    if (!(await Dialog.confirm({ content: t('activities.actions.confirmCancel') }))) return;
    try {
      await change.cancel.mutateAsync({ params: { path: { id: mine.id } }, body: {} });
      Toast.show({ content: t('activities.actions.cancelled') });
    } catch (err) {
      Toast.show({ content: errorText(err) });
    }
  };

  return (
    <List.Item className={highlighted ? 'lf-act-highlight' : undefined}>
      <div className="lf-act-session" data-session={session.id}>
        <strong className={session.cancelled ? 'lf-act-struck' : undefined}>
          {sessionTime(session.startsAt, session.endsAt)}
        </strong>
        {session.cancelled ? (
          <span className="lf-act-cancelled" role="status">
            {cancelledSessionText(t, session)}
          </span>
        ) : (
          <span className="lf-h5-muted">
            {full ? t('activities.full') : t('activities.seats', { taken: session.taken, quota: session.quota })}
            {session.waitlisted > 0 ? ` · ${t('activities.waitlist', { count: session.waitlisted })}` : ''}
          </span>
        )}
        {!session.cancelled && !open && !live && now < Date.parse(session.signupOpensAt) && (
          <span className="lf-h5-muted">{t('activities.signupOpens', { time: dateTime(session.signupOpensAt) })}</span>
        )}
        {mine && (
          <span>
            <Tag color={signupColour[mine.state]}>{en ? mine.stateLabel.en : mine.stateLabel.zh}</Tag>{' '}
            {mine.waitlistPosition !== null && t('activities.waitlistPosition', { position: mine.waitlistPosition })}
          </span>
        )}
        {session.myAttendance && (
          <span className="lf-h5-muted">
            {t('activities.my.checkedIn', { time: dateTime(session.myAttendance.checkInAt) })}
            {session.myAttendance.minutes !== null
              ? ` · ${t('activities.my.attended', { minutes: session.myAttendance.minutes })}`
              : ''}
          </span>
        )}
        <div className="lf-act-session-actions">
          {!live && open && (
            <Button color="primary" size="small" loading={signUp.isPending} onClick={() => void doSignUp()}>
              {full ? t('activities.actions.joinWaitlist') : t('activities.actions.signUp')}
            </Button>
          )}
          {live && mine?.actions.cancel && (
            <Button size="small" loading={change.cancel.isPending} onClick={() => void doCancel()}>
              {t('activities.actions.cancelSignup')}
            </Button>
          )}
          {mine?.state === 'confirmed' && underWay && !session.cancelled && (
            <Button size="small" color="success" onClick={() => navigate(`/h5/checkin?session=${session.id}`)}>
              {session.myAttendance ? t('activities.actions.checkOut') : t('activities.actions.checkIn')}
            </Button>
          )}
        </div>
      </div>
    </List.Item>
  );
}
