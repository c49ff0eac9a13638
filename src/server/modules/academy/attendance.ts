import { and, asc, eq, inArray } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';
import { findCourse, findSession } from './queries.js';
import { academyEnrolments, academyTrainingRecords } from './schema.js';

const EARLY_MS = 30 * 60_000;

/** A session's enrolments (staff whose scope holds the session). */
export async function listEnrolments(ctx: Ctx, sessionId: string) {
  const actor = requireActor(ctx);
  const session = await findSession(ctx.db, actor.tenantId, sessionId);
  assertInScope(actor, session.regionCode);
  const rows = await ctx.db
    .select({ e: academyEnrolments, name: users.displayName })
    .from(academyEnrolments)
    .innerJoin(users, and(eq(users.tenantId, academyEnrolments.tenantId), eq(users.id, academyEnrolments.userId)))
    .where(and(eq(academyEnrolments.tenantId, actor.tenantId), eq(academyEnrolments.sessionId, session.id)))
    .orderBy(asc(academyEnrolments.enrolledAt));
  return {
    items: rows.map(({ e, name }) => ({
      id: e.id,
      sessionId: e.sessionId,
      courseId: e.courseId,
      userId: e.userId,
      name,
      status: e.status,
      enrolledAt: e.enrolledAt.toISOString(),
      attendedAt: e.attendedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The keeper marks who attended. Each newly attended enrolment records the course's training
 * minutes in the academy's own table (培训时长): never a service record, never points.
 * Marking twice changes nothing.
 */
export async function markAttendance(ctx: Ctx, sessionId: string, enrolmentIds: string[]) {
  const actor = requireActor(ctx);
  const session = await findSession(ctx.db, actor.tenantId, sessionId);
  assertInScope(actor, session.regionCode);
  if (session.cancelledAt) throw new AppError('ACADEMY_SESSION_STARTED');
  const now = new Date();
  if (now.getTime() < session.startsAt.getTime() - EARLY_MS) throw new AppError('ACADEMY_ATTENDANCE_NOT_OPEN');
  const course = await findCourse(ctx.db, actor.tenantId, session.courseId);
  return ctx.db.transaction(async (tx) => {
    const marked = await tx
      .update(academyEnrolments)
      .set({ status: 'attended', attendedAt: now, markedBy: actor.userId })
      .where(
        and(
          eq(academyEnrolments.tenantId, actor.tenantId),
          eq(academyEnrolments.sessionId, session.id),
          inArray(academyEnrolments.id, [...new Set(enrolmentIds)]),
          eq(academyEnrolments.status, 'enrolled'),
        ),
      )
      .returning({ id: academyEnrolments.id, userId: academyEnrolments.userId });
    if (marked.length) {
      await tx
        .insert(academyTrainingRecords)
        .values(
          marked.map((m) => ({
            tenantId: actor.tenantId,
            userId: m.userId,
            courseId: course.id,
            sessionId: session.id,
            minutes: course.trainingMinutes,
            recordedBy: actor.userId,
          })),
        )
        .onConflictDoNothing();
      await writeAudit(tx, auditContext(ctx), {
        action: 'academy.attendance.mark',
        entityType: 'academy_session',
        entityId: session.id,
        regionCode: session.regionCode,
        detail: { enrolmentIds: marked.map((m) => m.id) },
      });
    }
    return { marked: marked.length, minutesEach: course.trainingMinutes };
  });
}
