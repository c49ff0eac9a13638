import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { regions } from '../regions/schema.js';
import { type SiteKind, sites } from './schema.js';

const kindByLevel = { district: 'centre', subdistrict: 'institute', community: 'station' } as const satisfies Record<
  string,
  SiteKind
>;

export function skeletonSiteName(level: keyof typeof kindByLevel, regionName: string): string {
  if (level === 'district') return `${regionName}新时代文明实践中心`;
  if (level === 'subdistrict') return `${regionName}新时代文明实践所`;
  return `${regionName}新时代文明实践站`;
}

/** One centre for the district, one institute per subdistrict, one station per community; skips regions that already have theirs. */
export async function createSiteSkeleton(db: Db, tenantId: string): Promise<number> {
  const all = await db
    .select({ code: regions.code, level: regions.level, name: regions.shortName })
    .from(regions)
    .where(eq(regions.tenantId, tenantId));
  const existing = await db
    .select({ regionCode: sites.regionCode })
    .from(sites)
    .where(and(eq(sites.tenantId, tenantId), inArray(sites.kind, ['centre', 'institute', 'station'])));
  const have = new Set(existing.map((s) => s.regionCode));
  const missing = all.filter((r) => !have.has(r.code));
  if (missing.length === 0) return 0;
  await db.insert(sites).values(
    missing.map((r) => ({
      tenantId,
      kind: kindByLevel[r.level],
      name: skeletonSiteName(r.level, r.name),
      regionCode: r.code,
      locationApproximate: true,
    })),
  );
  return missing.length;
}
