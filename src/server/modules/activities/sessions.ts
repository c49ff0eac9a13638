import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { ActivityRow } from './machine.js';
import { expandOccurrences } from './recurrence.js';
import { activities, activitySessions } from './schema.js';

export type SessionRow = typeof activitySessions.$inferSelect;

/** How far ahead occurrences of an open-ended rule exist (a daily job moves the horizon on). */
export const HORIZON_DAYS = 120;
const MAX_PER_CALL = 400;
const DAY = 24 * 3600 * 1000;

/**
 * Creates the occurrences of an activity up to the horizon (idempotent: an occurrence that exists
 * is kept, with its sign-ups). Answers how many were added.
 */
export async function materialiseSessions(tx: Db, activity: ActivityRow, now: Date): Promise<number> {
  const until = new Date(Math.max(now.getTime(), activity.startsAt.getTime()) + HORIZON_DAYS * DAY);
  const from = activity.materialisedUntil ?? activity.startsAt;
  if (from >= until) return 0;
  const occurrences = expandOccurrences({
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    rrule: activity.rrule,
    timeZone: activity.timeZone,
    from,
    until,
    max: MAX_PER_CALL,
  });
  let added = 0;
  if (occurrences.length) {
    const rows = await tx
      .insert(activitySessions)
      .values(
        occurrences.map((o) => ({
          tenantId: activity.tenantId,
          activityId: activity.id,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          quota: activity.quota,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: activitySessions.id });
    added = rows.length;
  }
  const reached = occurrences.length === MAX_PER_CALL ? (occurrences.at(-1)?.startsAt ?? until) : until;
  await tx
    .update(activities)
    .set({ materialisedUntil: reached })
    .where(and(eq(activities.tenantId, activity.tenantId), eq(activities.id, activity.id)));
  return added;
}

/** Daily: moves every published recurring activity's horizon on. */
export async function extendSessions(db: Db, now: Date): Promise<number> {
  const due = await db
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.state, 'published'),
        sql`${activities.rrule} is not null`,
        lte(activities.materialisedUntil, new Date(now.getTime() + (HORIZON_DAYS - 7) * DAY)),
      ),
    )
    .limit(500);
  let added = 0;
  for (const activity of due) added += await db.transaction((tx) => materialiseSessions(tx, activity, now));
  return added;
}

export async function findSession(db: Db, tenantId: string, id: string): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(activitySessions)
    .where(and(eq(activitySessions.tenantId, tenantId), eq(activitySessions.id, id)));
  return row ?? null;
}

/**
 * Occurrences of some activities that have not ended by `after`, soonest first; those called off
 * only with `includeCancelled` (an activity's page shows them with the reason).
 */
export async function upcomingSessions(
  db: Db,
  tenantId: string,
  activityIds: string[],
  after: Date,
  limitPerActivity = 20,
  { includeCancelled = false } = {},
): Promise<SessionRow[]> {
  if (activityIds.length === 0) return [];
  const rows = await db
    .select()
    .from(activitySessions)
    .where(
      and(
        eq(activitySessions.tenantId, tenantId),
        inArray(activitySessions.activityId, activityIds),
        gte(activitySessions.endsAt, after),
        includeCancelled ? undefined : isNull(activitySessions.cancelledAt),
      ),
    )
    .orderBy(asc(activitySessions.startsAt))
    .limit(limitPerActivity * activityIds.length);
  const perActivity = new Map<string, number>();
  return rows.filter((r) => {
    const n = (perActivity.get(r.activityId) ?? 0) + 1;
    perActivity.set(r.activityId, n);
    return n <= limitPerActivity;
  });
}

/** The sign-up and cancellation times of one occurrence, from its activity's settings. */
export function sessionWindows(
  activity: Pick<ActivityRow, 'signupOpensHours' | 'signupClosesMinutes' | 'cancelDeadlineMinutes'>,
  session: Pick<SessionRow, 'startsAt'>,
) {
  const start = session.startsAt.getTime();
  return {
    signupOpensAt: new Date(start - activity.signupOpensHours * 3600_000),
    signupClosesAt: new Date(start - activity.signupClosesMinutes * 60_000),
    cancelDeadline: new Date(start - activity.cancelDeadlineMinutes * 60_000),
  };
}
