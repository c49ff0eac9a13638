import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { hoursSettingsFor, recordService, serviceMinutes } from '../hours/index.js';
import type { ActivityRow } from './machine.js';
import type { AttendanceRow } from './present.js';
import { type AttendanceMethod, activityAttendance } from './schema.js';
import type { SessionRow } from './sessions.js';

export interface Finish {
  at: Date;
  method: AttendanceMethod;
  position?: { lng: number; lat: number; distanceM: number } | null;
  autoClosed?: boolean;
  /** Who recorded the service: the volunteer checking out, null for the closing job. */
  recordedBy: string | null;
}

/**
 * 签退 of one attendance, in the caller's transaction: the check-out time, the minutes served inside
 * the occurrence's window (the tenant's rounding rule), and a pending service record in the hours
 * module for the organiser to confirm. A conditional UPDATE: when the row was already closed (a
 * retry, the closing job) nothing changes and null is answered.
 */
export async function finishAttendance(
  tx: Db,
  activity: ActivityRow,
  session: SessionRow,
  open: AttendanceRow,
  finish: Finish,
): Promise<AttendanceRow | null> {
  const { rounding } = await hoursSettingsFor(tx, activity.tenantId);
  const minutes = serviceMinutes({
    checkIn: open.checkInAt,
    checkOut: finish.at,
    windowStart: session.startsAt,
    windowEnd: session.endsAt,
    rounding,
  });
  const where = and(
    eq(activityAttendance.tenantId, open.tenantId),
    eq(activityAttendance.id, open.id),
    isNull(activityAttendance.checkOutAt),
  );
  const [closed] = await tx
    .update(activityAttendance)
    .set({
      checkOutAt: finish.at,
      checkOutMethod: finish.method,
      checkOutLng: finish.position?.lng ?? null,
      checkOutLat: finish.position?.lat ?? null,
      checkOutDistanceM: finish.position?.distanceM ?? null,
      minutes,
      autoClosed: finish.autoClosed ?? false,
    })
    .where(where)
    .returning();
  if (!closed) return null;
  const { record } = await recordService(tx, {
    tenantId: activity.tenantId,
    volunteerUserId: closed.userId,
    source: { type: 'activity_attendance', id: closed.id },
    regionCode: activity.regionCode,
    organisationId: activity.organisationId,
    content: activity.series ? `${activity.series}·${activity.title}` : activity.title,
    minutes,
    startedAt: closed.checkInAt,
    endedAt: finish.at,
    recordedBy: finish.recordedBy,
    synthetic: closed.synthetic,
  });
  const [linked] = await tx
    .update(activityAttendance)
    .set({ serviceRecordId: record.id })
    .where(and(eq(activityAttendance.tenantId, closed.tenantId), eq(activityAttendance.id, closed.id)))
    .returning();
  return linked ?? closed;
}
