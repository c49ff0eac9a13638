import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { academyQualifications, qualificationFacts, servedSkills } from '../academy/index.js';
import { ancestorCodes } from '../service-menu/index.js';
import { sites } from '../sites/index.js';
import { volunteerServiceAreas, volunteerSkills, volunteers } from '../volunteers/index.js';
import type { OrderRow } from './machine.js';

/** How many volunteers hear of one order opened for grabbing (the nearest ones). */
export const POOL_NOTIFY_LIMIT = 50;
const PAGE = 200;

/**
 * The volunteers who may grab an open order — the rule of `eligibleToGrab`: active, every skill the
 * order needs as the academy counts it (`servedSkills`: a qualification such as 急救 only while a
 * valid qualification backs it, through the order's service end; a declaration proves none), and the
 * order's community their home or inside one of their service areas; never the resident it is for.
 * Nearest first (their home community's station to the order's point), then by id, at most `limit`.
 * SQL narrows to those who declared or were ever granted each skill; the academy's facts decide.
 */
export async function eligibleGrabberIds(
  db: Db,
  order: Pick<OrderRow, 'tenantId' | 'regionCode' | 'requiredSkills' | 'residentUserId' | 'lng' | 'lat' | 'windowEnd'>,
  limit = POOL_NOTIFY_LIMIT,
): Promise<string[]> {
  const up = ancestorCodes(order.regionCode);
  const skill = (code: string) =>
    sql`(exists (select 1 from ${volunteerSkills} where ${volunteerSkills.tenantId} = ${volunteers.tenantId}
      and ${volunteerSkills.volunteerId} = ${volunteers.id} and ${volunteerSkills.skillCode} = ${code})
      or exists (select 1 from ${academyQualifications} where ${academyQualifications.tenantId} = ${volunteers.tenantId}
      and ${academyQualifications.userId} = ${volunteers.userId} and ${academyQualifications.skillCode} = ${code}
      and ${academyQualifications.status} = 'valid'))`;
  const inArea = sql`exists (select 1 from ${volunteerServiceAreas} where ${volunteerServiceAreas.tenantId} = ${volunteers.tenantId}
      and ${volunteerServiceAreas.volunteerId} = ${volunteers.id} and ${inArray(volunteerServiceAreas.regionCode, up)})`;
  const declared = sql<string[]>`coalesce((select array_agg(${volunteerSkills.skillCode}) from ${volunteerSkills}
      where ${volunteerSkills.tenantId} = ${volunteers.tenantId} and ${volunteerSkills.volunteerId} = ${volunteers.id}), '{}')`;
  // Squared distance in degrees, longitude scaled by the latitude: enough to rank by nearness.
  const scale = order.lat === null ? 1 : Math.cos((order.lat * Math.PI) / 180);
  const distance: SQL =
    order.lng === null || order.lat === null
      ? sql`0`
      : sql`(select min(power((${sites.lng} - ${order.lng}) * ${scale}, 2) + power(${sites.lat} - ${order.lat}, 2))
          from ${sites} where ${sites.tenantId} = ${volunteers.tenantId} and ${sites.kind} = 'station'
          and ${sites.regionCode} = ${volunteers.regionCode})`;
  const now = new Date();
  const out: string[] = [];
  for (let offset = 0; out.length < limit; offset += PAGE) {
    const rows = await db
      .select({ userId: volunteers.userId, declared })
      .from(volunteers)
      .where(
        and(
          eq(volunteers.tenantId, order.tenantId),
          eq(volunteers.status, 'active'),
          sql`(${volunteers.regionCode} = ${order.regionCode} or ${inArea})`,
          ...order.requiredSkills.map(skill),
          order.residentUserId ? ne(volunteers.userId, order.residentUserId) : undefined,
        ),
      )
      .orderBy(sql`${distance} asc nulls last`, volunteers.id)
      .limit(PAGE)
      .offset(offset);
    const facts = order.requiredSkills.length
      ? await qualificationFacts(
          db,
          order.tenantId,
          rows.map((r) => r.userId),
          now,
          order.windowEnd,
        )
      : null;
    for (const r of rows) {
      if (out.length >= limit) break;
      const served = facts ? new Set(servedSkills(facts, r.userId, r.declared)) : null;
      if (!served || order.requiredSkills.every((code) => served.has(code))) out.push(r.userId);
    }
    if (rows.length < PAGE) break;
  }
  return out;
}
