import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { loadOrganiserFacts } from './access.js';
import type { ActivityRow } from './machine.js';
import { activitySummary, loadNames, presentSessions } from './present.js';
import { activities, activitySessions, activitySignups } from './schema.js';

/**
 * 我的活动: occurrences the caller signed up for (any state but a withdrawn duplicate), upcoming
 * (soonest first, including what is under way) or past (latest first).
 */
export async function listMySignups(ctx: Ctx, input: { view: 'upcoming' | 'past'; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  const now = new Date();
  const upcoming = input.view === 'upcoming';
  const after = timeIdCursor.decode(input.cursor);
  const rows = await ctx.db
    .select({
      session: activitySessions,
      activity: activities,
      sortAt: sql<string>`${activitySessions.startsAt}::text`,
    })
    .from(activitySessions)
    .innerJoin(
      activities,
      and(eq(activities.tenantId, activitySessions.tenantId), eq(activities.id, activitySessions.activityId)),
    )
    .where(
      and(
        eq(activitySessions.tenantId, actor.tenantId),
        inArray(
          activitySessions.id,
          ctx.db
            .select({ id: activitySignups.sessionId })
            .from(activitySignups)
            .where(and(eq(activitySignups.tenantId, actor.tenantId), eq(activitySignups.userId, actor.userId))),
        ),
        upcoming ? gte(activitySessions.endsAt, now) : lt(activitySessions.endsAt, now),
        after
          ? upcoming
            ? sql`(${activitySessions.startsAt}, ${activitySessions.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
            : sql`(${activitySessions.startsAt}, ${activitySessions.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(
      ...(upcoming
        ? [asc(activitySessions.startsAt), asc(activitySessions.id)]
        : [desc(activitySessions.startsAt), desc(activitySessions.id)]),
    )
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const byId = new Map(page.map((r) => [r.activity.id, r.activity]));
  const facts = await loadOrganiserFacts(ctx.db, actor);
  const [names, sessions] = await Promise.all([
    loadNames(ctx.db, actor.tenantId, [...byId.values()]),
    presentSessions(
      ctx.db,
      page.map((r) => r.session),
      (id) => byId.get(id) as ActivityRow,
      facts,
      now,
    ),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((r, i) => ({
      ...(sessions[i] as NonNullable<(typeof sessions)[number]>),
      activity: activitySummary(r.activity, names),
      distanceM: null,
    })),
    nextCursor: rows.length > input.limit && last ? timeIdCursor.encode([last.sortAt, last.session.id]) : null,
  };
}
