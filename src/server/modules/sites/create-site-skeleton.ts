import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { regions } from '../regions/index.js';
import { approximatePoint, type Point } from './approximate-location.js';
import { readDistrictPlaces } from './places.js';
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

/** The approximate point of a region's site, or null when the district has no place data. */
export function approximateSitePoint(tenantId: string, regionCode: string): Point | null {
  const places = readDistrictPlaces(tenantId);
  return places ? approximatePoint(places, regionCode) : null;
}

/**
 * One centre for the district, one institute per subdistrict, one station per community; skips
 * regions that already have theirs. Sites start at an approximate point near their region's centre.
 */
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
  if (missing.length > 0) {
    await db.insert(sites).values(
      missing.map((r) => ({
        tenantId,
        kind: kindByLevel[r.level],
        name: skeletonSiteName(r.level, r.name),
        regionCode: r.code,
        ...approximateSitePoint(tenantId, r.code),
        locationApproximate: true,
      })),
    );
  }
  await placeUnlocatedSites(db, tenantId);
  return missing.length;
}

/** Gives every site without a location (e.g. created before place data existed) its approximate point. */
export async function placeUnlocatedSites(db: Db, tenantId: string): Promise<number> {
  const unlocated = await db
    .select({ id: sites.id, regionCode: sites.regionCode })
    .from(sites)
    .where(and(eq(sites.tenantId, tenantId), or(isNull(sites.lng), isNull(sites.lat))));
  let placed = 0;
  for (const s of unlocated) {
    const point = approximateSitePoint(tenantId, s.regionCode);
    if (!point) continue;
    await db
      .update(sites)
      .set({ ...point, locationApproximate: true })
      .where(and(eq(sites.tenantId, tenantId), eq(sites.id, s.id)));
    placed++;
  }
  return placed;
}
