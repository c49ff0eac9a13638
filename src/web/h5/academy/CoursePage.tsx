/** A course: what it teaches, who teaches it, materials, its sessions (enrol / cancel) and my progress to the quiz. */
import { Button, Empty, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isNotFound } from '../../api/errors.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { type CourseDetail, hoursOf, useCourse } from './data.js';
import { SessionList } from './SessionList.js';
import './academy.css';

export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useCourse(id);
  const back = '/h5/academy';
  if (course.isPending)
    return (
      <SubPage title={t('academy.title')} back={back}>
        <H5Loading />
      </SubPage>
    );
  if (course.isError)
    return (
      <SubPage title={t('academy.title')} back={back}>
        {isNotFound(course.error) ? (
          <Empty description={t('academy.course.notFound')} />
        ) : (
          <H5Error error={course.error} onRetry={() => course.refetch()} />
        )}
      </SubPage>
    );
  const c = course.data;
  const now = Date.now();
  const sessions = c.sessions.filter((s) => Date.parse(s.endsAt) > now || s.myEnrolment);
  return (
    <SubPage title={c.title} back={back}>
      <section className="lf-academy-head">
        <h2>{c.title}</h2>
        <Tag color="primary" fill="outline">
          {t(`academy.categories.${c.category}`)}
        </Tag>
        <dl className="lf-academy-facts">
          {c.partner && (
            <>
              <dt>{t('academy.course.partner')}</dt>
              <dd>{c.partner.name}</dd>
            </>
          )}
          {c.teachers.length > 0 && (
            <>
              <dt>{t('academy.course.teachers')}</dt>
              <dd>{c.teachers.join('、')}</dd>
            </>
          )}
          <dt>{t('academy.course.hours')}</dt>
          <dd>{t('academy.course.minutes', { hours: hoursOf(c.trainingMinutes) })}</dd>
          {c.qualification && (
            <>
              <dt>{t('academy.course.qualification')}</dt>
              <dd>
                {c.qualification.name} ·{' '}
                {c.validMonths
                  ? t('academy.course.validMonths', { months: c.validMonths })
                  : t('academy.course.noExpiry')}
              </dd>
            </>
          )}
        </dl>
        {c.description && <p>{c.description}</p>}
      </section>
      {c.materials.length > 0 && (
        <List header={t('academy.course.materials')} mode="card">
          {c.materials.map((m) => (
            <List.Item
              key={m.url}
              extra={<Tag fill="outline">{t(`academy.course.${m.kind}`)}</Tag>}
              onClick={() => window.open(m.url, '_blank', 'noopener')}
            >
              {m.title}
            </List.Item>
          ))}
        </List>
      )}
      <List header={t('academy.course.sessions')} mode="card">
        {sessions.length === 0 && <List.Item>{t('academy.course.noSessions')}</List.Item>}
      </List>
      {sessions.length > 0 && <SessionList sessions={sessions} canEnrol />}
      {c.progress && <Progress course={c} progress={c.progress} />}
    </SubPage>
  );
}

function Progress({ course, progress: p }: { course: CourseDetail; progress: NonNullable<CourseDetail['progress']> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const needsAttendance = course.requiresAttendance && !p.attended;
  const canStart = course.questionCount > 0 && !p.passed && !needsAttendance && (p.attemptsLeft > 0 || p.openAttemptId);
  return (
    <List header={t('academy.progress.title')} mode="card">
      <List.Item extra={p.attended ? <Tag color="success">{t('academy.progress.attended')}</Tag> : null}>
        {p.attended ? t('academy.progress.attended') : t('academy.progress.notAttended')}
      </List.Item>
      {course.questionCount > 0 && (
        <List.Item
          description={p.bestScore !== null ? t('academy.progress.bestScore', { score: p.bestScore }) : undefined}
          extra={p.passed ? <Tag color="success">{t('academy.progress.passed')}</Tag> : null}
        >
          {t('academy.progress.attempts', { used: p.attemptsUsed, left: p.attemptsLeft })}
        </List.Item>
      )}
      {!p.passed && course.questionCount > 0 && (
        <List.Item>
          {needsAttendance ? (
            <span className="lf-academy-hint">{t('academy.progress.attendFirst')}</span>
          ) : canStart ? (
            <Button block color="primary" onClick={() => navigate(`/h5/academy/courses/${course.id}/quiz`)}>
              {p.openAttemptId ? t('academy.progress.resumeQuiz') : t('academy.progress.startQuiz')}
            </Button>
          ) : (
            <span className="lf-academy-hint">{t('academy.progress.noAttempts')}</span>
          )}
        </List.Item>
      )}
    </List>
  );
}
