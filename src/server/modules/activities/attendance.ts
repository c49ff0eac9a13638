/**
 * What check-in and check-out share: finding the occurrence a scan, a typed code or a chosen
 * occurrence names, the checks every self check-in passes (open activity, geofence), and the answer.
 */
import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findActivity } from './access.js';
import { matchShortCode, verifyToken } from './checkin-code.js';
import { checkinKeyFor } from './checkin-key.js';
import { describeDistance, judgePosition } from './geofence.js';
import type { ActivityRow } from './machine.js';
import { type AttendanceRow, presentAttendance } from './present.js';
import { activityAttendance, activitySessions, activitySignups } from './schema.js';
import { findSession, type SessionRow } from './sessions.js';

/** Check-in opens this long before an occurrence starts (and closes at its end). */
export const CHECKIN_OPENS_MINUTES = 30;
const MINUTE = 60_000;

export interface Position {
  lng: number;
  lat: number;
  accuracyM: number;
}

export interface AttendanceInput {
  token?: string | undefined;
  code?: string | undefined;
  sessionId?: string | undefined;
  position: Position;
}

export type SelfMethod = 'qr' | 'code' | 'location';

export const checkinOpensAt = (session: Pick<SessionRow, 'startsAt'>) =>
  new Date(session.startsAt.getTime() - CHECKIN_OPENS_MINUTES * MINUTE);

/** Occurrences a typed code may belong to: for check-in, those the caller holds a confirmed seat on and may check in to now; for check-out, those they checked in to in the last day. */
async function codeCandidates(db: Db, actor: Actor, purpose: 'in' | 'out', now: Date): Promise<string[]> {
  if (purpose === 'in') {
    const rows = await db
      .select({ id: activitySessions.id })
      .from(activitySignups)
      .innerJoin(
        activitySessions,
        and(
          eq(activitySessions.tenantId, activitySignups.tenantId),
          eq(activitySessions.id, activitySignups.sessionId),
        ),
      )
      .where(
        and(
          eq(activitySignups.tenantId, actor.tenantId),
          eq(activitySignups.userId, actor.userId),
          eq(activitySignups.state, 'confirmed'),
          isNull(activitySessions.cancelledAt),
          lte(activitySessions.startsAt, new Date(now.getTime() + CHECKIN_OPENS_MINUTES * MINUTE)),
          gte(activitySessions.endsAt, now),
        ),
      );
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: activityAttendance.sessionId })
    .from(activityAttendance)
    .where(
      and(
        eq(activityAttendance.tenantId, actor.tenantId),
        eq(activityAttendance.userId, actor.userId),
        gte(activityAttendance.checkInAt, new Date(now.getTime() - 24 * 60 * MINUTE)),
      ),
    );
  return rows.map((r) => r.id);
}

/** The occurrence the request names, and how: a QR token, a typed code, or the occurrence itself (location only). */
export async function resolveOccurrence(
  ctx: Ctx,
  actor: Actor,
  input: AttendanceInput,
  purpose: 'in' | 'out',
  now: Date,
): Promise<{ session: SessionRow; activity: ActivityRow; method: SelfMethod }> {
  let sessionId: string;
  let method: SelfMethod;
  if (input.token !== undefined) {
    const verdict = verifyToken(checkinKeyFor(ctx.config), input.token, now);
    if (!verdict.ok) throw new AppError(verdict.reason === 'expired' ? 'CHECKIN_CODE_EXPIRED' : 'CHECKIN_CODE_INVALID');
    sessionId = verdict.sessionId;
    method = 'qr';
  } else if (input.code !== undefined) {
    const candidates = await codeCandidates(ctx.db, actor, purpose, now);
    const match = matchShortCode(checkinKeyFor(ctx.config), input.code, candidates, now);
    if (!match.ok) throw new AppError(match.reason === 'expired' ? 'CHECKIN_CODE_EXPIRED' : 'CHECKIN_CODE_INVALID');
    sessionId = match.sessionId;
    method = 'code';
  } else {
    sessionId = input.sessionId as string;
    method = 'location';
  }
  const session = await findSession(ctx.db, actor.tenantId, sessionId);
  const activity = session ? await findActivity(ctx.db, actor.tenantId, session.activityId) : null;
  if (!session || !activity || activity.state === 'draft') throw new AppError('NOT_FOUND');
  if (session.cancelledAt) throw new AppError('ACTIVITY_SESSION_CANCELLED');
  return { session, activity, method };
}

/** The geofence: refused when the device is too far from the place or cannot say where it is. */
export function checkPosition(activity: ActivityRow, position: Position): number {
  const verdict = judgePosition(activity, activity.radiusM, position);
  if (verdict.ok) return Math.round(verdict.distanceM);
  if (verdict.reason === 'imprecise') throw new AppError('CHECKIN_LOCATION_IMPRECISE');
  const far = describeDistance(Math.round(verdict.distanceM / 100) * 100);
  throw new AppError('CHECKIN_OUT_OF_RANGE', undefined, {
    message: `您距活动地点${far.zh}，超出签到范围（${verdict.radiusM} 米）`,
    messageEn: `You are ${far.en} from the activity, outside its check-in area (${verdict.radiusM} m)`,
  });
}

export async function findAttendance(db: Db, tenantId: string, sessionId: string, userId: string) {
  const [row] = await db
    .select()
    .from(activityAttendance)
    .where(
      and(
        eq(activityAttendance.tenantId, tenantId),
        eq(activityAttendance.sessionId, sessionId),
        eq(activityAttendance.userId, userId),
      ),
    );
  return row ?? null;
}

export async function hasConfirmedSeat(db: Db, tenantId: string, sessionId: string, userId: string) {
  const rows = await db
    .select({ id: activitySignups.id })
    .from(activitySignups)
    .where(
      and(
        eq(activitySignups.tenantId, tenantId),
        eq(activitySignups.sessionId, sessionId),
        eq(activitySignups.userId, userId),
        inArray(activitySignups.state, ['confirmed']),
      ),
    );
  return rows[0]?.id ?? null;
}

export function presentAttendanceResult(session: SessionRow, activity: ActivityRow, row: AttendanceRow) {
  return {
    sessionId: session.id,
    activity: { id: activity.id, title: activity.title },
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    attendance: presentAttendance(row) as NonNullable<ReturnType<typeof presentAttendance>>,
    serviceRecordId: row.serviceRecordId,
  };
}
