import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { findSession, presentSessions } from './queries.js';
import { academyEnrolments, academySessions } from './schema.js';

/**
 * Takes a seat in a session before it starts. The seat count moves in one conditional UPDATE
 * (enrolled < capacity) in the transaction that inserts the enrolment, and a partial unique index
 * allows one live enrolment per person: concurrent requests can neither overfill a session nor
 * enrol anyone twice.
 */
export async function enrol(ctx: Ctx, sessionId: string) {
  const actor = requireActor(ctx);
  const session = await findSession(ctx.db, actor.tenantId, sessionId);
  const now = new Date();
  if (session.cancelledAt || session.startsAt.getTime() <= now.getTime()) throw new AppError('ACADEMY_SESSION_STARTED');
  try {
    await ctx.db.transaction(async (tx) => {
      const [seat] = await tx
        .update(academySessions)
        .set({ enrolled: sql`${academySessions.enrolled} + 1` })
        .where(
          and(
            eq(academySessions.tenantId, actor.tenantId),
            eq(academySessions.id, session.id),
            isNull(academySessions.cancelledAt),
            gt(academySessions.startsAt, now),
            lt(academySessions.enrolled, academySessions.capacity),
          ),
        )
        .returning({ id: academySessions.id });
      if (!seat) throw new AppError('ACADEMY_SESSION_FULL');
      await tx.insert(academyEnrolments).values({
        tenantId: actor.tenantId,
        sessionId: session.id,
        courseId: session.courseId,
        userId: actor.userId,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ACADEMY_ALREADY_ENROLLED');
    throw err;
  }
  const [view] = await presentSessions(
    ctx.db,
    actor.tenantId,
    [await findSession(ctx.db, actor.tenantId, session.id)],
    actor.userId,
  );
  if (!view) throw new Error('session vanished');
  return view;
}

/** Gives the seat back (the enrollee, before the session starts). */
export async function cancelEnrolment(ctx: Ctx, enrolmentId: string) {
  const actor = requireActor(ctx);
  const [enrolment] = await ctx.db
    .select()
    .from(academyEnrolments)
    .where(
      and(
        eq(academyEnrolments.tenantId, actor.tenantId),
        eq(academyEnrolments.id, enrolmentId),
        eq(academyEnrolments.userId, actor.userId),
      ),
    );
  if (!enrolment) throw new AppError('NOT_FOUND');
  const session = await findSession(ctx.db, actor.tenantId, enrolment.sessionId);
  if (session.startsAt.getTime() <= Date.now()) throw new AppError('ACADEMY_SESSION_STARTED');
  await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(academyEnrolments)
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where(
        and(
          eq(academyEnrolments.tenantId, actor.tenantId),
          eq(academyEnrolments.id, enrolment.id),
          eq(academyEnrolments.status, 'enrolled'),
        ),
      )
      .returning({ id: academyEnrolments.id });
    if (!done) throw new AppError('ILLEGAL_TRANSITION');
    await tx
      .update(academySessions)
      .set({ enrolled: sql`${academySessions.enrolled} - 1` })
      .where(and(eq(academySessions.tenantId, actor.tenantId), eq(academySessions.id, session.id)));
  });
  const [view] = await presentSessions(
    ctx.db,
    actor.tenantId,
    [await findSession(ctx.db, actor.tenantId, session.id)],
    actor.userId,
  );
  if (!view) throw new Error('session vanished');
  return view;
}
