/**
 * What check-in and check-out share: finding the occurrence a scan, a typed code or a chosen
 * occurrence names, the checks every self check-in passes (open activity, geofence), and the answer.
 */
import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
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
import { activityAttendance, activityCodeAttempts, activitySessions, activitySignups } from './schema.js';
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

/** Wrong typed codes a volunteer may enter per occurrence; then only the QR code or the leader's hand check-in. */
export const CODE_ATTEMPTS = 5;

/** A typed code that matched nothing: how many tries are left (null: none was counted). Shared with the academy's training check-in. */
export function wrongCodeError(left: number | null): AppError {
  return new AppError(
    'CHECKIN_CODE_INVALID',
    undefined,
    left === null
      ? undefined
      : {
          message: `签到码无效，还可输入${left}次；请核对现场屏幕上的签到码`,
          messageEn: `Invalid check-in code; ${left} ${left === 1 ? 'try' : 'tries'} left. Check the code on the screen`,
        },
  );
}

/**
 * Takes one attempt on each occurrence a typed code may be aiming at, in one conditional upsert
 * (row-locked on PostgreSQL), before the code is compared: concurrent guesses cannot exceed the
 * limit. Answers the occurrences that had an attempt left, with their failures counting this one.
 */
async function takeCodeAttempts(db: Db, actor: Actor, sessionIds: string[]) {
  if (!sessionIds.length) return [];
  return db
    .insert(activityCodeAttempts)
    .values(sessionIds.map((sessionId) => ({ tenantId: actor.tenantId, sessionId, userId: actor.userId, failures: 1 })))
    .onConflictDoUpdate({
      target: [activityCodeAttempts.tenantId, activityCodeAttempts.sessionId, activityCodeAttempts.userId],
      set: { failures: sql`${activityCodeAttempts.failures} + 1`, updatedAt: sql`now()` },
      setWhere: sql`${activityCodeAttempts.failures} < ${CODE_ATTEMPTS}`,
    })
    .returning({ sessionId: activityCodeAttempts.sessionId, failures: activityCodeAttempts.failures });
}

/** A right code gives back the attempts it took. */
async function giveBackCodeAttempts(db: Db, actor: Actor, taken: { sessionId: string }[]) {
  if (!taken.length) return;
  await db
    .update(activityCodeAttempts)
    .set({ failures: sql`greatest(${activityCodeAttempts.failures} - 1, 0)` })
    .where(
      and(
        eq(activityCodeAttempts.tenantId, actor.tenantId),
        eq(activityCodeAttempts.userId, actor.userId),
        inArray(
          activityCodeAttempts.sessionId,
          taken.map((t) => t.sessionId),
        ),
      ),
    );
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
    const taken = await takeCodeAttempts(ctx.db, actor, candidates);
    if (candidates.length && !taken.length) throw new AppError('CHECKIN_CODE_LOCKED');
    const match = matchShortCode(
      checkinKeyFor(ctx.config),
      input.code,
      taken.map((t) => t.sessionId),
      now,
    );
    if (!match.ok) {
      if (match.reason === 'expired') throw new AppError('CHECKIN_CODE_EXPIRED');
      throw wrongCodeError(taken.length ? CODE_ATTEMPTS - Math.max(0, ...taken.map((t) => t.failures)) : null);
    }
    await giveBackCodeAttempts(ctx.db, actor, taken);
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
