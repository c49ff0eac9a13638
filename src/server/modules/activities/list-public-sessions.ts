import { and, asc, eq, gte, ilike, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { cursorCodec, cursorPart, timeIdCursor } from '../../platform/cursor.js';
import { fieldError } from '../../platform/errors.js';
import { loadOrganiserFacts } from './access.js';
import type { ActivityRow } from './machine.js';
import { activitySummary, loadNames, presentSessions } from './present.js';
import { activities, activitySessions } from './schema.js';

export interface PublicSessionsInput {
  from?: string;
  to?: string;
  category?: string;
  q?: string;
  lng?: number;
  lat?: number;
  withinKm?: number;
  sort: 'time' | 'distance';
  siteId?: string;
  organisationId?: string;
  limit: number;
  cursor?: string;
}

const distanceCursor = cursorCodec(z.number().int().min(0).max(100_000_000), cursorPart.timestamp, cursorPart.uuid);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Great-circle metres from a point to the activity's place, in SQL (the same on PostgreSQL and PGlite). */
function distanceSql(lng: number, lat: number): SQL<number> {
  return sql<number>`round(12742000 * asin(sqrt(
    power(sin(radians(${activities.lat} - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${activities.lat})) * power(sin(radians(${activities.lng} - ${lng}) / 2), 2))))::int`;
}

/**
 * 活动广场: occurrences of published activities, public, searchable by time, category, words and
 * distance from a point; soonest first or nearest first. Signed-in callers see their own sign-up.
 */
export async function listPublicSessions(ctx: Ctx, input: PublicSessionsInput) {
  const hasPoint = input.lng !== undefined && input.lat !== undefined;
  if ((input.sort === 'distance' || input.withinKm !== undefined) && !hasPoint)
    throw fieldError('querystring.lng', '按距离查找需要提供位置', 'Distance needs lng and lat');
  const distance = hasPoint ? distanceSql(input.lng as number, input.lat as number) : sql<number>`null::int`;
  const like = input.q ? `%${escapeLike(input.q)}%` : null;
  const from = input.from ? new Date(input.from) : new Date();
  const byDistance = input.sort === 'distance';
  const afterTime = byDistance ? null : timeIdCursor.decode(input.cursor);
  const afterDistance = byDistance ? distanceCursor.decode(input.cursor) : null;
  const rows = await ctx.db
    .select({
      session: activitySessions,
      activity: activities,
      distanceM: distance,
      sortAt: sql<string>`${activitySessions.startsAt}::text`,
    })
    .from(activitySessions)
    .innerJoin(
      activities,
      and(eq(activities.tenantId, activitySessions.tenantId), eq(activities.id, activitySessions.activityId)),
    )
    .where(
      and(
        eq(activitySessions.tenantId, ctx.tenantId),
        eq(activities.state, 'published'),
        isNull(activitySessions.cancelledAt),
        // From `from` on, and what is under way at `from`.
        gte(activitySessions.endsAt, from),
        input.to ? lt(activitySessions.startsAt, new Date(input.to)) : undefined,
        input.category ? eq(activities.categoryCode, input.category) : undefined,
        input.siteId ? eq(activities.siteId, input.siteId) : undefined,
        input.organisationId ? eq(activities.organisationId, input.organisationId) : undefined,
        like
          ? or(ilike(activities.title, like), ilike(activities.series, like), ilike(activities.address, like))
          : undefined,
        input.withinKm !== undefined ? sql`${distance} <= ${Math.round(input.withinKm * 1000)}` : undefined,
        afterTime
          ? sql`(${activitySessions.startsAt}, ${activitySessions.id}) > (${afterTime[0]}::timestamptz, ${afterTime[1]}::uuid)`
          : undefined,
        afterDistance
          ? sql`(${distance}, ${activitySessions.startsAt}, ${activitySessions.id}) > (${afterDistance[0]}, ${afterDistance[1]}::timestamptz, ${afterDistance[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(...(byDistance ? [asc(distance)] : []), asc(activitySessions.startsAt), asc(activitySessions.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const list = page.map((r) => r.activity);
  const byId = new Map(list.map((a) => [a.id, a]));
  const facts = await loadOrganiserFacts(ctx.db, ctx.actor);
  const [names, sessions] = await Promise.all([
    loadNames(ctx.db, ctx.tenantId, [...byId.values()]),
    presentSessions(
      ctx.db,
      page.map((r) => r.session),
      (id) => byId.get(id) as ActivityRow,
      facts,
    ),
  ]);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? byDistance
        ? distanceCursor.encode([last.distanceM ?? 0, last.sortAt, last.session.id])
        : timeIdCursor.encode([last.sortAt, last.session.id])
      : null;
  return {
    items: page.map((r, i) => ({
      ...(sessions[i] as NonNullable<(typeof sessions)[number]>),
      activity: activitySummary(r.activity, names),
      distanceM: r.distanceM === null ? null : Number(r.distanceM),
    })),
    nextCursor,
  };
}
