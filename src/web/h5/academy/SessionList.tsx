/** Sessions as cards (a course's, the lectures, my enrolments): time, place, seats, enrol or cancel. */
import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { newIdempotencyKey, timeWindow } from '../../orders/format.js';
import { type Session, useCancelEnrolment, useEnrol } from './data.js';

type Props = { showCourse?: boolean; canEnrol: boolean; onOpen?: (s: Session) => void };

export function SessionList({ sessions, ...props }: Props & { sessions: Session[] }) {
  return (
    <List mode="card" className="lf-academy-sessions">
      {sessions.map((s) => (
        <SessionItem key={s.id} session={s} {...props} />
      ))}
    </List>
  );
}

function SessionItem({ session: s, showCourse, canEnrol, onOpen }: Props & { session: Session }) {
  const { t } = useTranslation();
  const enrol = useEnrol();
  const cancel = useCancelEnrolment();
  const started = Date.parse(s.startsAt) <= Date.now();
  const full = s.enrolled >= s.capacity;
  const mine = s.myEnrolment;
  const fail = (e: unknown) => Toast.show({ icon: 'fail', content: errorText(e) });
  const onEnrol = () =>
    enrol.mutate(
      { params: { path: { id: s.id } }, headers: { 'Idempotency-Key': newIdempotencyKey() } },
      { onSuccess: () => Toast.show({ icon: 'success', content: t('academy.session.enrolledToast') }), onError: fail },
    );
  const onCancel = async () => {
    if (!mine || !(await Dialog.confirm({ content: t('academy.session.cancelConfirm') }))) return;
    cancel.mutate(
      { params: { path: { id: mine.id } } },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('academy.session.cancelledToast') }),
        onError: fail,
      },
    );
  };
  let status = null;
  if (s.cancelled) status = <Tag color="default">{t('academy.session.sessionCancelled')}</Tag>;
  else if (mine)
    status = (
      <Tag color={mine.status === 'attended' ? 'success' : 'primary'}>{t(`academy.session.${mine.status}`)}</Tag>
    );
  else if (started) status = <Tag color="default">{t('academy.session.ended')}</Tag>;
  else if (full) status = <Tag color="warning">{t('academy.session.full')}</Tag>;
  return (
    <List.Item
      onClick={onOpen ? () => onOpen(s) : undefined}
      description={
        <div className="lf-academy-meta">
          <span>{s.place}</span>
          <span>{t('academy.session.seats', { enrolled: s.enrolled, capacity: s.capacity })}</span>
        </div>
      }
      extra={
        // biome-ignore lint/a11y/noStaticElementInteractions: only keeps the buttons' taps from opening the course
        <div className="lf-academy-session-actions" onClick={(e) => e.stopPropagation()} onKeyDown={undefined}>
          {status}
          {canEnrol && !s.cancelled && !started && !mine && !full && (
            <Button size="small" color="primary" loading={enrol.isPending} onClick={onEnrol}>
              {t('academy.session.enrol')}
            </Button>
          )}
          {canEnrol && !s.cancelled && !started && mine?.status === 'enrolled' && (
            <Button size="small" fill="outline" loading={cancel.isPending} onClick={() => void onCancel()}>
              {t('academy.session.cancel')}
            </Button>
          )}
        </div>
      }
    >
      {showCourse && <div className="lf-academy-title">{s.courseTitle}</div>}
      <div>{timeWindow(s.startsAt, s.endsAt)}</div>
    </List.Item>
  );
}
