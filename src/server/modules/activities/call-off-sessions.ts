/**
 * What cancelling the whole activity and cancelling one occurrence share: the occurrences that have
 * not started are called off with the reason (conditionally, so each once and never after its
 * start), their live sign-ups (seats and waiting list) are cancelled, and each person who held one
 * is told once, by the notice given.
 */
import { and, eq, gt, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { type NotifyInput, notifyMany } from '../notifications/index.js';
import { activitySessions, activitySignups } from './schema.js';

export async function callOffSessions(
  tx: Db,
  input: {
    tenantId: string;
    /** Which occurrences: all of an activity, or one. */
    which: { activityId: string } | { sessionId: string };
    reason: string;
    /** The reason written on each cancelled sign-up (what the volunteer and the roster read). */
    signupReason: string;
    now: Date;
    notice: Omit<NotifyInput, 'userId' | 'tenantId'>;
  },
): Promise<{ sessions: string[]; signups: number }> {
  const { tenantId, which, reason, now } = input;
  const only: SQL =
    'sessionId' in which ? eq(activitySessions.id, which.sessionId) : eq(activitySessions.activityId, which.activityId);
  const sessions = await tx
    .update(activitySessions)
    .set({ cancelledAt: now, cancelReason: reason, taken: 0, waitlisted: 0 })
    .where(
      and(
        eq(activitySessions.tenantId, tenantId),
        only,
        gt(activitySessions.startsAt, now),
        isNull(activitySessions.cancelledAt),
      ),
    )
    .returning({ id: activitySessions.id });
  if (!sessions.length) return { sessions: [], signups: 0 };
  const affected = await tx
    .update(activitySignups)
    .set({ state: 'cancelled', cancelledAt: now, reason: input.signupReason })
    .where(
      and(
        eq(activitySignups.tenantId, tenantId),
        inArray(
          activitySignups.sessionId,
          sessions.map((s) => s.id),
        ),
        inArray(activitySignups.state, ['pending', 'confirmed', 'waitlisted']),
      ),
    )
    .returning({ userId: activitySignups.userId });
  await notifyMany(
    tx,
    affected.map((a) => a.userId),
    { ...input.notice, tenantId },
  );
  return { sessions: sessions.map((s) => s.id), signups: affected.length };
}
