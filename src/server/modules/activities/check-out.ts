import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import {
  type AttendanceInput,
  checkPosition,
  findAttendance,
  presentAttendanceResult,
  resolveOccurrence,
} from './attendance.js';
import { finishAttendance } from './finish-attendance.js';

/**
 * 签退: the volunteer checks out the way they check in (QR, short code, or location alone), inside
 * the geofence. The minutes served inside the window become a pending service record in the same
 * transaction. Idempotent: a retry, or a check-out after the closing job ended the occurrence,
 * answers with the row as it stands.
 */
export async function checkOut(ctx: Ctx, input: AttendanceInput) {
  const actor = requireActor(ctx);
  const now = new Date();
  const { session, activity, method } = await resolveOccurrence(ctx, actor, input, 'out', now);
  const open = await findAttendance(ctx.db, actor.tenantId, session.id, actor.userId);
  if (!open) throw new AppError('CHECKOUT_WITHOUT_CHECKIN');
  if (open.checkOutAt) return presentAttendanceResult(session, activity, open);
  const distanceM = checkPosition(activity, input.position);
  const closed = await ctx.db.transaction((tx) =>
    finishAttendance(tx, activity, session, open, {
      at: now,
      method,
      position: { lng: input.position.lng, lat: input.position.lat, distanceM },
      recordedBy: actor.userId,
    }),
  );
  const row = closed ?? (await findAttendance(ctx.db, actor.tenantId, session.id, actor.userId));
  if (!row) throw new Error('attendance vanished during check-out');
  return presentAttendanceResult(session, activity, row);
}
