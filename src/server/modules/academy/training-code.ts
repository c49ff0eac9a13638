/**
 * The typed 6-digit code under a training session's QR code (签到码), with the activities module's
 * code and attempt limit: a typed code names no session, so it is tried against the sessions the
 * volunteer may check in to (or out of) now. Each try takes an attempt from every such enrolment
 * first, by a conditional update, so concurrent guesses never exceed the limit; a right code gives
 * its attempt back.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { academyEnrolments, academySessions } from './schema.js';

/**
 * The activities module's code, fence and attempt limit, loaded on first use: activities (through
 * the recurrence package) cannot load at module-graph time in the test set-up's seeding, which
 * reaches the academy.
 */
export const activitiesCheckin = () => import('../activities/index.js');

const MINUTE = 60_000;
/** Check-in opens this long before the start and closes at the end; check-out stays open this long after it. */
export const OPENS_BEFORE_MINUTES = 30;
export const CHECKOUT_GRACE_MINUTES = 30;

/** The caller's live enrolments whose check-in (or, having checked in, check-out) is open now. */
async function candidates(db: Db, actor: Actor, purpose: 'in' | 'out', now: Date) {
  const opensBy = new Date(now.getTime() + OPENS_BEFORE_MINUTES * MINUTE);
  const closedBefore = new Date(now.getTime() - (purpose === 'in' ? 0 : CHECKOUT_GRACE_MINUTES * MINUTE));
  return db
    .select({ id: academyEnrolments.id })
    .from(academyEnrolments)
    .innerJoin(
      academySessions,
      and(
        eq(academySessions.tenantId, academyEnrolments.tenantId),
        eq(academySessions.id, academyEnrolments.sessionId),
      ),
    )
    .where(
      and(
        eq(academyEnrolments.tenantId, actor.tenantId),
        eq(academyEnrolments.userId, actor.userId),
        ne(academyEnrolments.status, 'cancelled'),
        purpose === 'out' ? isNotNull(academyEnrolments.checkedInAt) : undefined,
        isNull(academySessions.cancelledAt),
        lte(academySessions.startsAt, opensBy),
        gte(academySessions.endsAt, closedBefore),
      ),
    );
}

/** The session a typed code belongs to, among those the caller may check in to (or out of) now. */
export async function sessionOfTypedCode(
  db: Db,
  config: Config,
  actor: Actor,
  code: string,
  purpose: 'in' | 'out',
  now: Date,
): Promise<string> {
  const { CODE_ATTEMPTS, checkinKeyFor, matchShortCode, wrongCodeError } = await activitiesCheckin();
  const ids = (await candidates(db, actor, purpose, now)).map((r) => r.id);
  const taken = ids.length
    ? await db
        .update(academyEnrolments)
        .set({ codeFailures: sql`${academyEnrolments.codeFailures} + 1` })
        .where(
          and(
            eq(academyEnrolments.tenantId, actor.tenantId),
            inArray(academyEnrolments.id, ids),
            lt(academyEnrolments.codeFailures, CODE_ATTEMPTS),
          ),
        )
        .returning({
          id: academyEnrolments.id,
          sessionId: academyEnrolments.sessionId,
          failures: academyEnrolments.codeFailures,
        })
    : [];
  if (ids.length && !taken.length) throw new AppError('CHECKIN_CODE_LOCKED');
  const match = matchShortCode(
    checkinKeyFor(config),
    code,
    taken.map((t) => t.sessionId),
    now,
  );
  if (!match.ok) {
    if (match.reason === 'expired') throw new AppError('CHECKIN_CODE_EXPIRED');
    throw wrongCodeError(taken.length ? CODE_ATTEMPTS - Math.max(...taken.map((t) => t.failures)) : null);
  }
  await db
    .update(academyEnrolments)
    .set({ codeFailures: sql`greatest(${academyEnrolments.codeFailures} - 1, 0)` })
    .where(
      and(
        eq(academyEnrolments.tenantId, actor.tenantId),
        inArray(
          academyEnrolments.id,
          taken.map((t) => t.id),
        ),
      ),
    );
  return match.sessionId;
}
