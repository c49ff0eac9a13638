import { and, eq, inArray, sql } from 'drizzle-orm';
import { staffRoles } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { roleGrants } from './schema.js';

/**
 * The keepers of a place: staff granted exactly its region (a community's station keepers). A
 * region without any passes to the nearest level above that has some (its institute, then the centre).
 */
export async function keeperIds(db: Db, tenantId: string, regionCode: string): Promise<string[]> {
  const rows = await db
    .select({ userId: roleGrants.userId, regionCode: roleGrants.regionCode })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.tenantId, tenantId),
        inArray(roleGrants.role, [...staffRoles]),
        sql`${regionCode}::text like ${roleGrants.regionCode} || '%'`,
      ),
    );
  const nearest = Math.max(0, ...rows.map((r) => r.regionCode?.length ?? 0));
  return [...new Set(rows.filter((r) => r.regionCode?.length === nearest).map((r) => r.userId))];
}
