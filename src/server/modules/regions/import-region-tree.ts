import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { tenants } from '../../platform/tenants-schema.js';
import type { DistrictTree } from './division-data.js';
import { regions } from './schema.js';

export function readDistrictTree(district: string): DistrictTree {
  const url = new URL(`./data/${district}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as DistrictTree;
}

/** Creates the tenant for a district and loads its region tree; running it again updates names. */
export async function importRegionTree(db: Db, tree: DistrictTree): Promise<{ tenantId: string; count: number }> {
  const district = tree.regions.find((r) => r.level === 'district');
  if (!district) throw new Error('the tree has no district');
  const tenantId = district.code;
  await db.transaction(async (tx) => {
    await tx.insert(tenants).values({ id: tenantId, name: district.name }).onConflictDoNothing();
    await tx
      .insert(regions)
      .values(
        tree.regions.map((r, i) => ({
          tenantId,
          code: r.code,
          parentCode: r.parentCode,
          level: r.level,
          name: r.name,
          shortName: r.shortName,
          sort: i,
        })),
      )
      .onConflictDoUpdate({
        target: [regions.tenantId, regions.code],
        set: { name: sql`excluded.name`, shortName: sql`excluded.short_name`, sort: sql`excluded.sort` },
      });
  });
  return { tenantId, count: tree.regions.length };
}
