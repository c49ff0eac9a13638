import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { volunteers } from '../volunteers/index.js';
import { loadActivityToManage } from './access.js';
import { checkinOpensAt, findAttendance, hasConfirmedSeat, presentAttendanceResult } from './attendance.js';
import { activityAttendance } from './schema.js';
import { findSession } from './sessions.js';

/**
 * 代签到: an organiser of the activity checks a volunteer in by hand (no phone, no signal), with a
 * reason kept on the row and in the audit log. The volunteer need not have signed up (a walk-in),
 * but must be an active volunteer. Idempotent like a self check-in: someone already checked in keeps
 * their first check-in.
 */
export async function handCheckIn(
  ctx: Ctx,
  sessionId: string,
  input: { userId: string; reason: string; at?: string | undefined },
) {
  const session = await findSession(ctx.db, ctx.tenantId, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const { actor, activity } = await loadActivityToManage(ctx, session.activityId);
  if (session.cancelledAt) throw new AppError('ACTIVITY_SESSION_CANCELLED');
  const now = new Date();
  if (now < checkinOpensAt(session) || session.closedAt) throw new AppError('CHECKIN_NOT_OPEN');
  const at = input.at ? new Date(input.at) : now;
  if (at < checkinOpensAt(session) || at > now || at > session.endsAt)
    throw fieldError(
      'body.at',
      '到达时间须在签到开放之后、现在和结束之前',
      'The arrival must be after check-in opened, and not after now or the end',
    );
  const [volunteer] = await ctx.db
    .select({ status: volunteers.status })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, actor.tenantId), eq(volunteers.userId, input.userId)));
  if (volunteer?.status !== 'active') throw new AppError('NOT_FOUND');
  const existing = await findAttendance(ctx.db, actor.tenantId, session.id, input.userId);
  if (existing) return presentAttendanceResult(session, activity, existing);
  const signupId = await hasConfirmedSeat(ctx.db, actor.tenantId, session.id, input.userId);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(activityAttendance)
      .values({
        tenantId: actor.tenantId,
        sessionId: session.id,
        activityId: activity.id,
        userId: input.userId,
        signupId,
        checkInAt: at,
        checkInMethod: 'manual',
        manualBy: actor.userId,
        manualReason: input.reason,
      })
      .onConflictDoNothing()
      .returning();
    if (created)
      await writeAudit(tx, auditContext(ctx), {
        action: 'activity.hand_check_in',
        entityType: 'activity_attendance',
        entityId: created.id,
        regionCode: activity.regionCode,
        detail: {
          sessionId: session.id,
          userId: input.userId,
          reason: input.reason,
          at: at.toISOString(),
          signedUp: !!signupId,
        },
      });
    return created ?? (await findAttendance(tx, actor.tenantId, session.id, input.userId));
  });
  if (!row) throw new Error('attendance conflict without a row');
  return presentAttendanceResult(session, activity, row);
}
