/**
 * Training-session check-in and check-out by the volunteer (签到/签退), with the activities module's
 * mechanism: the rotating QR code on the session's screen and the device's position inside the
 * session's geofence. Checking out records the training minutes (培训时长) in the academy's own table,
 * never as service hours, never as points. The keeper's marking (attendance.ts) stays the fallback.
 */
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findCourse, findSession, type SessionRow } from './queries.js';
import { academyEnrolments, academySessions, academyTrainingRecords } from './schema.js';
import {
  activitiesCheckin,
  CHECKOUT_GRACE_MINUTES,
  OPENS_BEFORE_MINUTES,
  sessionOfTypedCode,
} from './training-code.js';

const MINUTE = 60_000;

export interface TrainingScan {
  /** The scanned QR token, or else the typed 6-digit code. */
  token?: string | undefined;
  code?: string | undefined;
  position: { lng: number; lat: number; accuracyM: number };
}

type EnrolmentRow = typeof academyEnrolments.$inferSelect;
type Point = { lng: number; lat: number; radiusM: number };

const pointOf = (s: SessionRow): Point | null =>
  s.lng !== null && s.lat !== null && s.radiusM !== null ? { lng: s.lng, lat: s.lat, radiusM: s.radiusM } : null;

const opensAt = (s: SessionRow) => new Date(s.startsAt.getTime() - OPENS_BEFORE_MINUTES * MINUTE);
const checkoutClosesAt = (s: SessionRow) => new Date(s.endsAt.getTime() + CHECKOUT_GRACE_MINUTES * MINUTE);

/** 签到码 for a session's screen: only staff whose scope holds the session, while check-in or check-out is open. */
export async function getTrainingCheckinCode(ctx: Ctx, sessionId: string) {
  const actor = requireActor(ctx);
  const session = await findSession(ctx.db, actor.tenantId, sessionId);
  assertInScope(actor, session.regionCode);
  if (session.cancelledAt) throw new AppError('ACADEMY_SESSION_STARTED');
  if (!pointOf(session)) throw new AppError('ACADEMY_NO_CHECKIN_POINT');
  const now = new Date();
  if (now < opensAt(session) || now > checkoutClosesAt(session)) throw new AppError('CHECKIN_NOT_OPEN');
  const course = await findCourse(ctx.db, actor.tenantId, session.courseId);
  const { checkinKeyFor, shortCode, signToken, shortCodeExpiry, STEP_SECONDS } = await activitiesCheckin();
  const key = checkinKeyFor(ctx.config);
  const [counts] = await ctx.db
    .select({ checkedIn: count(academyEnrolments.checkedInAt), checkedOut: count(academyEnrolments.checkedOutAt) })
    .from(academyEnrolments)
    .where(
      and(
        eq(academyEnrolments.tenantId, actor.tenantId),
        eq(academyEnrolments.sessionId, session.id),
        ne(academyEnrolments.status, 'cancelled'),
      ),
    );
  return {
    sessionId: session.id,
    courseTitle: course.title,
    place: session.place,
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

/** The session a scanned token (or a typed code) names, and the caller's live enrolment in it. */
async function resolveScan(ctx: Ctx, actor: Actor, input: TrainingScan, purpose: 'in' | 'out', now: Date) {
  const sessionId =
    input.code !== undefined
      ? await sessionOfTypedCode(ctx.db, ctx.config, actor, input.code, purpose, now)
      : await sessionOfToken(ctx, input.token ?? '', now);
  const [session] = await ctx.db
    .select()
    .from(academySessions)
    .where(and(eq(academySessions.tenantId, actor.tenantId), eq(academySessions.id, sessionId)));
  if (!session) throw new AppError('CHECKIN_CODE_INVALID');
  if (session.cancelledAt) throw new AppError('ACADEMY_SESSION_STARTED');
  const enrolment = await findEnrolment(ctx.db, actor, session.id);
  if (!enrolment)
    throw new AppError('CHECKIN_NOT_SIGNED_UP', undefined, {
      message: '您没有报名这个培训场次，请先在培训学院的课程页报名',
      messageEn: 'You are not enrolled in this training session; enrol on the course page in the academy first',
    });
  return { session, enrolment };
}

async function sessionOfToken(ctx: Ctx, token: string, now: Date): Promise<string> {
  const { checkinKeyFor, verifyToken } = await activitiesCheckin();
  const verdict = verifyToken(checkinKeyFor(ctx.config), token, now);
  if (!verdict.ok) throw new AppError(verdict.reason === 'expired' ? 'CHECKIN_CODE_EXPIRED' : 'CHECKIN_CODE_INVALID');
  return verdict.sessionId;
}

async function findEnrolment(db: Db, actor: Actor, sessionId: string) {
  const [row] = await db
    .select()
    .from(academyEnrolments)
    .where(
      and(
        eq(academyEnrolments.tenantId, actor.tenantId),
        eq(academyEnrolments.sessionId, sessionId),
        eq(academyEnrolments.userId, actor.userId),
        ne(academyEnrolments.status, 'cancelled'),
      ),
    );
  return row ?? null;
}

/** The geofence of the session's check-in point; refused when far or vague. Answers the distance. */
async function checkFence(session: SessionRow, position: TrainingScan['position']): Promise<number> {
  const point = pointOf(session);
  if (!point) throw new AppError('ACADEMY_NO_CHECKIN_POINT');
  const { describeDistance, judgePosition } = await activitiesCheckin();
  const verdict = judgePosition(point, point.radiusM, position);
  if (verdict.ok) return Math.round(verdict.distanceM);
  if (verdict.reason === 'imprecise') throw new AppError('CHECKIN_LOCATION_IMPRECISE');
  const far = describeDistance(Math.round(verdict.distanceM / 100) * 100);
  throw new AppError('CHECKIN_OUT_OF_RANGE', undefined, {
    message: `您距培训地点${far.zh}，超出签到范围（${point.radiusM} 米）`,
    messageEn: `You are ${far.en} from the training, outside its check-in area (${point.radiusM} m)`,
  });
}

function present(session: SessionRow, courseTitle: string, e: EnrolmentRow, minutes: number | null) {
  return {
    sessionId: session.id,
    courseId: session.courseId,
    courseTitle,
    place: session.place,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    enrolmentId: e.id,
    status: e.status,
    checkedInAt: e.checkedInAt?.toISOString() ?? null,
    checkedOutAt: e.checkedOutAt?.toISOString() ?? null,
    trainingMinutes: minutes,
  };
}

async function trainingMinutesOf(db: Db, actor: Actor, sessionId: string) {
  const [row] = await db
    .select({ minutes: academyTrainingRecords.minutes })
    .from(academyTrainingRecords)
    .where(
      and(
        eq(academyTrainingRecords.tenantId, actor.tenantId),
        eq(academyTrainingRecords.sessionId, sessionId),
        eq(academyTrainingRecords.userId, actor.userId),
      ),
    );
  return row?.minutes ?? null;
}

/** 签到. Idempotent: a retried or simultaneous scan answers with the first check-in. */
export async function checkInToTraining(ctx: Ctx, input: TrainingScan) {
  const actor = requireActor(ctx);
  const now = new Date();
  const { session, enrolment } = await resolveScan(ctx, actor, input, 'in', now);
  const course = await findCourse(ctx.db, actor.tenantId, session.courseId);
  if (enrolment.checkedInAt) return present(session, course.title, enrolment, null);
  if (now < opensAt(session) || now > session.endsAt) throw new AppError('CHECKIN_NOT_OPEN');
  const distanceM = await checkFence(session, input.position);
  const [changed] = await ctx.db
    .update(academyEnrolments)
    .set({ checkedInAt: now, checkInDistanceM: distanceM })
    .where(
      and(
        eq(academyEnrolments.tenantId, actor.tenantId),
        eq(academyEnrolments.id, enrolment.id),
        isNull(academyEnrolments.checkedInAt),
      ),
    )
    .returning();
  const row = changed ?? (await findEnrolment(ctx.db, actor, session.id));
  if (!row) throw new Error('enrolment vanished during check-in');
  return present(session, course.title, row, null);
}

/**
 * 签退: marks the enrolment attended and records the minutes present inside the session's window,
 * at most the course's training minutes, as training. Idempotent: once checked out, a retry answers
 * with the row as it stands; a keeper's earlier marking keeps its record.
 */
export async function checkOutOfTraining(ctx: Ctx, input: TrainingScan) {
  const actor = requireActor(ctx);
  const now = new Date();
  const { session, enrolment } = await resolveScan(ctx, actor, input, 'out', now);
  const course = await findCourse(ctx.db, actor.tenantId, session.courseId);
  if (!enrolment.checkedInAt) throw new AppError('CHECKOUT_WITHOUT_CHECKIN');
  if (enrolment.checkedOutAt)
    return present(session, course.title, enrolment, await trainingMinutesOf(ctx.db, actor, session.id));
  if (now > checkoutClosesAt(session)) throw new AppError('CHECKIN_NOT_OPEN');
  await checkFence(session, input.position);
  const from = Math.max(enrolment.checkedInAt.getTime(), session.startsAt.getTime());
  const to = Math.min(now.getTime(), session.endsAt.getTime());
  const minutes = Math.min(course.trainingMinutes, Math.max(0, Math.floor((to - from) / MINUTE)));
  const row = await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(academyEnrolments)
      .set({ checkedOutAt: now, status: 'attended', attendedAt: enrolment.attendedAt ?? now })
      .where(
        and(
          eq(academyEnrolments.tenantId, actor.tenantId),
          eq(academyEnrolments.id, enrolment.id),
          isNull(academyEnrolments.checkedOutAt),
          ne(academyEnrolments.status, 'cancelled'),
        ),
      )
      .returning();
    if (!changed) return null;
    await tx
      .insert(academyTrainingRecords)
      .values({
        tenantId: actor.tenantId,
        userId: actor.userId,
        courseId: course.id,
        sessionId: session.id,
        minutes,
        recordedBy: actor.userId,
      })
      .onConflictDoNothing();
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.attendance.self',
      entityType: 'academy_session',
      entityId: session.id,
      regionCode: session.regionCode,
      detail: { enrolmentId: enrolment.id, minutes },
    });
    return changed;
  });
  const final = row ?? (await findEnrolment(ctx.db, actor, session.id));
  if (!final) throw new Error('enrolment vanished during check-out');
  return present(session, course.title, final, await trainingMinutesOf(ctx.db, actor, session.id));
}
