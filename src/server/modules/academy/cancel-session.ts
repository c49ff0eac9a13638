import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { type CourseRow, findManagedCourse, findSession, presentSessions, type SessionRow } from './queries.js';
import { academyEnrolments, academySessions } from './schema.js';

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * Cancels sessions that have not started (a conditional UPDATE, so a session is cancelled once),
 * releases their live enrolments and tells each enrolled volunteer why. Returns the sessions it
 * cancelled and how many volunteers it told.
 */
export async function cancelSessionsTx(
  tx: Db,
  course: CourseRow,
  sessionIds: string[],
  reason: string,
  now: Date,
): Promise<{ sessions: SessionRow[]; notified: number }> {
  if (!sessionIds.length) return { sessions: [], notified: 0 };
  const sessions = await tx
    .update(academySessions)
    .set({ cancelledAt: now, cancelReason: reason })
    .where(
      and(
        eq(academySessions.tenantId, course.tenantId),
        inArray(academySessions.id, sessionIds),
        isNull(academySessions.cancelledAt),
        gt(academySessions.startsAt, now),
      ),
    )
    .returning();
  if (!sessions.length) return { sessions, notified: 0 };
  const released = await tx
    .update(academyEnrolments)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(
      and(
        eq(academyEnrolments.tenantId, course.tenantId),
        inArray(
          academyEnrolments.sessionId,
          sessions.map((s) => s.id),
        ),
        eq(academyEnrolments.status, 'enrolled'),
      ),
    )
    .returning({ userId: academyEnrolments.userId, sessionId: academyEnrolments.sessionId });
  const startOf = new Map(sessions.map((s) => [s.id, s.startsAt]));
  for (const r of released) {
    const at = shanghai.format(startOf.get(r.sessionId) ?? now);
    await notify(tx, {
      tenantId: course.tenantId,
      userId: r.userId,
      kind: 'academy.session_cancelled',
      title: `您报名的「${course.title}」${at} 场次已取消`,
      body: reason,
      link: `/h5/academy/courses/${course.id}`,
      params: { course: course.title, at, reason },
    });
  }
  return { sessions, notified: released.length };
}

/** Staff who manage the course cancel a session before it starts; the enrolled are told why. */
export async function cancelSession(ctx: Ctx, sessionId: string, reason: string) {
  const actor = requireActor(ctx);
  const session = await findSession(ctx.db, actor.tenantId, sessionId);
  const course = await findManagedCourse(ctx.db, actor, session.courseId);
  const now = new Date();
  const result = await ctx.db.transaction(async (tx) => {
    const done = await cancelSessionsTx(tx, course, [session.id], reason, now);
    if (!done.sessions.length) throw new AppError('ACADEMY_SESSION_STARTED');
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.session.cancel',
      entityType: 'academy_session',
      entityId: session.id,
      regionCode: session.regionCode,
      detail: { reason, notified: done.notified },
    });
    return done;
  });
  return { cancelledSessions: result.sessions.length, notified: result.notified };
}

/** The session as staff see it after a change. */
export async function presentSession(ctx: Ctx, session: SessionRow) {
  const [view] = await presentSessions(ctx.db, session.tenantId, [session], ctx.actor?.userId ?? null);
  if (!view) throw new Error('session vanished');
  return view;
}
