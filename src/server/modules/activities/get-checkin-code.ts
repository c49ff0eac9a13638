import { and, count, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadActivityToManage } from './access.js';
import { checkinOpensAt } from './attendance.js';
import { STEP_SECONDS, shortCode, shortCodeExpiry, signToken } from './checkin-code.js';
import { checkinKeyFor } from './checkin-key.js';
import { activityAttendance } from './schema.js';
import { findSession } from './sessions.js';

/**
 * 签到码 for the site's screen (display mode): the QR token and the short code of this moment, and
 * how many have checked in and out. The screen asks again every `refreshSeconds`. Only the
 * activity's organisers; only while check-in is open (from 30 minutes before the start to the end).
 */
export async function getCheckinCode(ctx: Ctx, sessionId: string) {
  const session = await findSession(ctx.db, ctx.tenantId, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const { actor, activity } = await loadActivityToManage(ctx, session.activityId);
  if (session.cancelledAt) throw new AppError('ACTIVITY_SESSION_CANCELLED');
  if (activity.state !== 'published') throw new AppError('ACTIVITY_NOT_OPEN');
  const now = new Date();
  if (now < checkinOpensAt(session) || now > session.endsAt) throw new AppError('CHECKIN_NOT_OPEN');
  const key = checkinKeyFor(ctx.config);
  const [counts] = await ctx.db
    .select({ checkedIn: count(), checkedOut: count(activityAttendance.checkOutAt) })
    .from(activityAttendance)
    .where(and(eq(activityAttendance.tenantId, actor.tenantId), eq(activityAttendance.sessionId, session.id)));
  return {
    sessionId: session.id,
    activity: { id: activity.id, title: activity.title },
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    token: signToken(key, session.id, now),
    shortCode: shortCode(key, session.id, now),
    issuedAt: now.toISOString(),
    expiresAt: shortCodeExpiry(now).toISOString(),
    refreshSeconds: STEP_SECONDS,
    checkedIn: counts?.checkedIn ?? 0,
    checkedOut: counts?.checkedOut ?? 0,
  };
}
