/**
 * Seats of one occurrence, counted in the database. Every transaction that changes a sign-up of an
 * occurrence first locks the occurrence's row (`lockSession`), so sign-ups, cancellations and
 * promotions of one occurrence take turns and never deadlock; the seat itself is taken by a
 * conditional `UPDATE … SET taken = taken + 1 WHERE taken < quota RETURNING`, so however many
 * sign up at once, no more than `quota` hold a seat.
 */
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { leaves } from '../../platform/state-machine.js';
import { notify } from '../notifications/index.js';
import { type ActivityRow, signupMachine } from './machine.js';
import { activitySessions, activitySignups } from './schema.js';
import type { SessionRow } from './sessions.js';

export async function lockSession(tx: Db, tenantId: string, sessionId: string): Promise<SessionRow> {
  const [row] = await tx
    .select()
    .from(activitySessions)
    .where(and(eq(activitySessions.tenantId, tenantId), eq(activitySessions.id, sessionId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A seat if one is free, else a place on the waiting list. */
export async function takeSeatOrQueue(tx: Db, session: SessionRow): Promise<'seat' | 'waitlist'> {
  const where = and(eq(activitySessions.tenantId, session.tenantId), eq(activitySessions.id, session.id));
  const [seat] = await tx
    .update(activitySessions)
    .set({ taken: sql`${activitySessions.taken} + 1` })
    .where(and(where, lt(activitySessions.taken, activitySessions.quota), isNull(activitySessions.cancelledAt)))
    .returning({ taken: activitySessions.taken });
  if (seat) return 'seat';
  await tx
    .update(activitySessions)
    .set({ waitlisted: sql`${activitySessions.waitlisted} + 1` })
    .where(where);
  return 'waitlist';
}

export async function leaveWaitlist(tx: Db, session: SessionRow): Promise<void> {
  await tx
    .update(activitySessions)
    .set({ waitlisted: sql`${activitySessions.waitlisted} - 1` })
    .where(and(eq(activitySessions.tenantId, session.tenantId), eq(activitySessions.id, session.id)));
}

/**
 * Gives up a seat; the first on the waiting list moves up into it (confirmed, or awaiting approval
 * when the organiser approves sign-ups) and is told. Answers the user who moved up, if anyone.
 */
export async function releaseSeat(
  tx: Db,
  session: SessionRow,
  activity: ActivityRow,
  now: Date,
): Promise<string | null> {
  const where = and(eq(activitySessions.tenantId, session.tenantId), eq(activitySessions.id, session.id));
  await tx
    .update(activitySessions)
    .set({ taken: sql`${activitySessions.taken} - 1` })
    .where(where);
  if (session.cancelledAt || now >= session.startsAt) return null;
  const [next] = await tx
    .select()
    .from(activitySignups)
    .where(
      and(
        eq(activitySignups.tenantId, session.tenantId),
        eq(activitySignups.sessionId, session.id),
        eq(activitySignups.state, 'waitlisted'),
      ),
    )
    .orderBy(asc(activitySignups.queuedAt), asc(activitySignups.id))
    .limit(1);
  if (!next) return null;
  // The waiting list's own event: no person takes it, so it is checked against the machine's states only.
  const event = activity.approvalMode === 'approval' ? 'promote_to_review' : 'promote';
  if (!leaves(signupMachine, next.state, event)) return null;
  const step = { to: signupMachine.events[event].to };
  await tx
    .update(activitySignups)
    .set({ state: step.to, decidedAt: step.to === 'confirmed' ? now : null })
    .where(and(eq(activitySignups.tenantId, next.tenantId), eq(activitySignups.id, next.id)));
  await tx
    .update(activitySessions)
    .set({ taken: sql`${activitySessions.taken} + 1`, waitlisted: sql`${activitySessions.waitlisted} - 1` })
    .where(where);
  await notify(tx, {
    tenantId: session.tenantId,
    userId: next.userId,
    kind: 'activity.promoted',
    title:
      step.to === 'confirmed'
        ? `候补成功：您已报名「${activity.title}」`
        : `候补递补：「${activity.title}」有空位，等待组织者审核`,
    link: `/h5/activities/${activity.id}`,
    data: {
      activityId: activity.id,
      sessionId: session.id,
      params: { activity: activity.title, ...(step.to === 'confirmed' ? { context: 'confirmed' } : {}) },
    },
  });
  return next.userId;
}
