import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { maskPhone } from '../../../shared/phone.js';
import type { Db } from '../../platform/db.js';
import { users } from '../accounts/index.js';
import { maskName } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import type { FamilyAccess } from './access.js';
import { families, familyMembers } from './schema.js';

export async function selectFamilySummaries(
  db: Db,
  tenantId: string,
  where: SQL | undefined,
  options: { limit?: number; orderBy?: SQL[] } = {},
) {
  const count = db
    .select({ familyId: familyMembers.familyId, n: sql<number>`count(*)::int`.as('n') })
    .from(familyMembers)
    .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.status, 'active')))
    .groupBy(familyMembers.familyId)
    .as('family_count');
  let query = db
    .select({
      id: families.id,
      name: families.name,
      regionCode: families.regionCode,
      regionName: regions.shortName,
      headUserId: families.headUserId,
      headName: users.displayName,
      memberCount: sql<number>`coalesce(${count.n}, 0)`,
      createdAt: families.createdAt,
    })
    .from(families)
    .innerJoin(regions, and(eq(regions.tenantId, families.tenantId), eq(regions.code, families.regionCode)))
    .innerJoin(users, and(eq(users.tenantId, families.tenantId), eq(users.id, families.headUserId)))
    .leftJoin(count, eq(count.familyId, families.id))
    .where(and(eq(families.tenantId, tenantId), where))
    .$dynamic();
  if (options.orderBy) query = query.orderBy(...options.orderBy);
  if (options.limit) query = query.limit(options.limit);
  return query;
}

export type FamilySummaryRow = Awaited<ReturnType<typeof selectFamilySummaries>>[number];

export function presentFamilySummary(r: FamilySummaryRow) {
  return {
    id: r.id,
    name: r.name,
    region: { code: r.regionCode, name: r.regionName },
    head: { userId: r.headUserId, displayName: r.headName },
    memberCount: r.memberCount,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The family with its members, for someone allowed to see it. */
export async function presentFamilyDetail(db: Db, tenantId: string, access: FamilyAccess) {
  const [summary] = await selectFamilySummaries(db, tenantId, eq(families.id, access.family.id));
  if (!summary) throw new Error('family vanished');
  const members = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      phone: users.phone,
      relation: familyMembers.relation,
      status: familyMembers.status,
      joinedAt: familyMembers.joinedAt,
    })
    .from(familyMembers)
    .innerJoin(users, and(eq(users.tenantId, familyMembers.tenantId), eq(users.id, familyMembers.userId)))
    .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.familyId, access.family.id)))
    .orderBy(sql`${familyMembers.relation} <> 'self'`, asc(familyMembers.createdAt));
  const invited = access.membership?.status === 'invited';
  // Someone invited is no one's business until they accept: staff in scope see that an invitation is
  // waiting (masked name) so they can follow it up; the invitee sees their own; the head sees nothing.
  const shown = members.filter((m) => m.status === 'active' || m.userId === access.viewerId || access.staffInScope);
  return {
    ...presentFamilySummary(summary),
    members: shown.map((m) => ({
      ...m,
      displayName: m.status === 'invited' && m.userId !== access.viewerId ? maskName(m.displayName) : m.displayName,
      phone: maskPhone(m.phone),
      joinedAt: m.joinedAt?.toISOString() ?? null,
    })),
    can: {
      manage: access.manage,
      leave: access.membership?.status === 'active' && !access.isHead,
      respond: invited,
    },
  };
}
