import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import {
  type AttendanceInput,
  checkinOpensAt,
  checkPosition,
  findAttendance,
  hasConfirmedSeat,
  presentAttendanceResult,
  resolveOccurrence,
} from './attendance.js';
import { activityAttendance } from './schema.js';

/**
 * 签到: a volunteer with a confirmed seat checks in to an occurrence, by the screen's QR token, its
 * short code, or (without a code) by location alone; the device must be inside the geofence either
 * way. Idempotent: the unique key (occurrence, person) makes a retried scan return the first check-in.
 */
export async function checkIn(ctx: Ctx, input: AttendanceInput) {
  const actor = requireActor(ctx);
  const now = new Date();
  const { session, activity, method } = await resolveOccurrence(ctx, actor, input, 'in', now);
  const existing = await findAttendance(ctx.db, actor.tenantId, session.id, actor.userId);
  if (existing) return presentAttendanceResult(session, activity, existing);
  if (activity.state !== 'published') throw new AppError('ACTIVITY_NOT_OPEN');
  if (now < checkinOpensAt(session) || now > session.endsAt || session.closedAt) throw new AppError('CHECKIN_NOT_OPEN');
  const signupId = await hasConfirmedSeat(ctx.db, actor.tenantId, session.id, actor.userId);
  if (!signupId) throw new AppError('CHECKIN_NOT_SIGNED_UP');
  const distanceM = checkPosition(activity, input.position);
  const [created] = await ctx.db
    .insert(activityAttendance)
    .values({
      tenantId: actor.tenantId,
      sessionId: session.id,
      activityId: activity.id,
      userId: actor.userId,
      signupId,
      checkInAt: now,
      checkInMethod: method,
      checkInLng: input.position.lng,
      checkInLat: input.position.lat,
      checkInAccuracyM: Math.round(input.position.accuracyM),
      checkInDistanceM: distanceM,
    })
    .onConflictDoNothing()
    .returning();
  // A simultaneous retry inserted first: answer with its row.
  const row = created ?? (await findAttendance(ctx.db, actor.tenantId, session.id, actor.userId));
  if (!row) throw new Error('attendance conflict without a row');
  return presentAttendanceResult(session, activity, row);
}
