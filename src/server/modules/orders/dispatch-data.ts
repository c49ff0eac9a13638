/**
 * Feeds the dispatch engine: loads the volunteers who could serve some orders (active, serving their
 * communities) with skills, weekly availability, areas, open tasks, rating, recent load and the
 * residents who blocked them, and
 * turns orders into the engine's shape. A volunteer's point is the station of their home community.
 */
import { and, avg, count, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { qualificationFacts, servedSkills } from '../academy/index.js';
import type { DispatchOrder, DispatchVolunteer } from '../dispatch/index.js';
import { ancestorCodes } from '../service-menu/index.js';
import { sites } from '../sites/index.js';
import {
  skills,
  volunteerAvailability,
  volunteerServiceAreas,
  volunteerSkills,
  volunteers,
} from '../volunteers/index.js';
import type { OrderRow } from './machine.js';
import { orders, volunteerBlocks } from './schema.js';

const DAY = 86400_000;

export interface LoadedVolunteers {
  volunteers: DispatchVolunteer[];
  names: Map<string, string>;
  skillNames: Map<string, { zh: string; en: string }>;
}

/** Station points by community code. */
export async function stationPoints(db: Db, tenantId: string, codes: string[]) {
  if (!codes.length) return new Map<string, { lng: number; lat: number }>();
  const rows = await db
    .select({ regionCode: sites.regionCode, lng: sites.lng, lat: sites.lat })
    .from(sites)
    .where(
      and(
        eq(sites.tenantId, tenantId),
        inArray(sites.kind, ['station', 'institute', 'centre']),
        inArray(sites.regionCode, codes),
        isNotNull(sites.lng),
      ),
    );
  return new Map(rows.map((r) => [r.regionCode, { lng: r.lng as number, lat: r.lat as number }]));
}

export async function loadDispatchVolunteers(
  db: Db,
  tenantId: string,
  communities: string[],
  now: Date,
  options: { capacity: number; only?: string[]; qualifiedThrough?: Date },
) {
  const only = options.only;
  const up = [...new Set(communities.flatMap(ancestorCodes))];
  const serving = db
    .select({ id: volunteerServiceAreas.volunteerId })
    .from(volunteerServiceAreas)
    .where(and(eq(volunteerServiceAreas.tenantId, tenantId), inArray(volunteerServiceAreas.regionCode, up)));
  const base = await db
    .select({ id: volunteers.id, userId: volunteers.userId, name: volunteers.name, regionCode: volunteers.regionCode })
    .from(volunteers)
    .where(
      and(
        eq(volunteers.tenantId, tenantId),
        eq(volunteers.status, 'active'),
        only
          ? inArray(volunteers.id, only)
          : or(inArray(volunteers.regionCode, communities), inArray(volunteers.id, serving)),
      ),
    );
  const ids = base.map((v) => v.id);
  const userIds = base.map((v) => v.userId);
  const none = { volunteers: [], names: new Map(), skillNames: await skillNames(db, tenantId) };
  if (!ids.length) return none as LoadedVolunteers;
  const [skillRows, slotRows, areaRows, open, rated, recent, points, qualified, blockRows] = await Promise.all([
    db
      .select({ id: volunteerSkills.volunteerId, code: volunteerSkills.skillCode })
      .from(volunteerSkills)
      .where(and(eq(volunteerSkills.tenantId, tenantId), inArray(volunteerSkills.volunteerId, ids))),
    db
      .select()
      .from(volunteerAvailability)
      .where(and(eq(volunteerAvailability.tenantId, tenantId), inArray(volunteerAvailability.volunteerId, ids))),
    db
      .select({ id: volunteerServiceAreas.volunteerId, code: volunteerServiceAreas.regionCode })
      .from(volunteerServiceAreas)
      .where(and(eq(volunteerServiceAreas.tenantId, tenantId), inArray(volunteerServiceAreas.volunteerId, ids))),
    db
      .select({ userId: sql<string>`coalesce(${orders.volunteerUserId}, ${orders.targetUserId})`, n: count() })
      .from(orders)
      .where(
        and(
          eq(orders.tenantId, tenantId),
          or(
            and(inArray(orders.state, ['accepted', 'in_service']), inArray(orders.volunteerUserId, userIds)),
            and(eq(orders.state, 'dispatched'), inArray(orders.targetUserId, userIds)),
          ),
        ),
      )
      .groupBy(sql`1`),
    db
      .select({ userId: orders.volunteerUserId, stars: avg(orders.stars) })
      .from(orders)
      .where(and(eq(orders.tenantId, tenantId), inArray(orders.volunteerUserId, userIds), isNotNull(orders.stars)))
      .groupBy(orders.volunteerUserId),
    db
      .select({ userId: orders.volunteerUserId, n: count() })
      .from(orders)
      .where(
        and(
          eq(orders.tenantId, tenantId),
          inArray(orders.volunteerUserId, userIds),
          gte(orders.completedAt, new Date(now.getTime() - 30 * DAY)),
        ),
      )
      .groupBy(orders.volunteerUserId),
    stationPoints(db, tenantId, [...new Set(base.map((v) => v.regionCode))]),
    // Valid (verified, unexpired, still so at the service's end) qualifications count as skills for
    // the hard constraint; a declared skill that is a qualification does not.
    qualificationFacts(db, tenantId, userIds, now, options.qualifiedThrough),
    // Residents who blocked the volunteer: the engine keeps them apart (a block works both ways).
    db
      .select({ id: volunteerBlocks.volunteerUserId, residentUserId: volunteerBlocks.residentUserId })
      .from(volunteerBlocks)
      .where(and(eq(volunteerBlocks.tenantId, tenantId), inArray(volunteerBlocks.volunteerUserId, userIds))),
  ]);
  const group = <T extends { id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.id, [...(m.get(r.id) ?? []), r]);
    return m;
  };
  const skillsOf = group(skillRows);
  const areasOf = group(areaRows);
  const slotsOf = group(slotRows.map((s) => ({ ...s, id: s.volunteerId })));
  const blocksOf = group(blockRows);
  const byUser = <T extends { userId: string | null }>(rows: T[]) => new Map(rows.map((r) => [r.userId, r]));
  const openOf = byUser(open);
  const ratingOf = byUser(rated);
  const recentOf = byUser(recent);
  const out: DispatchVolunteer[] = [];
  for (const v of base) {
    const point = points.get(v.regionCode);
    if (!point) continue;
    out.push({
      id: v.id,
      userId: v.userId,
      lng: point.lng,
      lat: point.lat,
      skills: servedSkills(
        qualified,
        v.userId,
        (skillsOf.get(v.id) ?? []).map((s) => s.code),
      ),
      serviceAreas: [v.regionCode, ...(areasOf.get(v.id) ?? []).map((a) => a.code)],
      availability: (slotsOf.get(v.id) ?? []).map((s) => ({
        weekday: s.weekday,
        startMinute: s.startMinute,
        endMinute: s.endMinute,
      })),
      openTasks: Number(openOf.get(v.userId)?.n ?? 0),
      capacity: options.capacity,
      rating: ratingOf.get(v.userId)?.stars ? Number(ratingOf.get(v.userId)?.stars) : null,
      recentServices: Number(recentOf.get(v.userId)?.n ?? 0),
      blockedUserIds: (blocksOf.get(v.userId) ?? []).map((b) => b.residentUserId),
    });
  }
  return {
    volunteers: out,
    names: new Map(base.map((v) => [v.id, v.name])),
    skillNames: await skillNames(db, tenantId),
  } satisfies LoadedVolunteers;
}

async function skillNames(db: Db, tenantId: string) {
  const rows = await db
    .select({ code: skills.code, zh: skills.name, en: skills.nameEn })
    .from(skills)
    .where(eq(skills.tenantId, tenantId));
  return new Map(rows.map((r) => [r.code, { zh: r.zh, en: r.en }]));
}

/** An order in the engine's shape; its point is its own, else its community's station. */
export function toDispatchOrder(
  order: OrderRow,
  points: Map<string, { lng: number; lat: number }>,
): DispatchOrder | null {
  const point =
    order.lng !== null && order.lat !== null ? { lng: order.lng, lat: order.lat } : points.get(order.regionCode);
  if (!point) return null;
  return {
    id: order.id,
    lat: point.lat,
    lng: point.lng,
    requiredSkills: order.requiredSkills,
    regionCode: order.regionCode,
    window: { start: order.windowStart, end: order.windowEnd },
    ordererUserId: order.residentUserId ?? order.placedBy ?? '',
  };
}
