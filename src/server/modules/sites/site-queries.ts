import { and, asc, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import { inScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { regions } from '../regions/index.js';
import { sites } from './schema.js';
import { kindInfo, servicesOf, zonesWithInfo } from './zones.js';

const summaryColumns = () => ({
  id: sites.id,
  kind: sites.kind,
  name: sites.name,
  regionCode: sites.regionCode,
  regionName: regions.shortName,
  address: sites.address,
  lng: sites.lng,
  lat: sites.lat,
  locationApproximate: sites.locationApproximate,
  openingHours: sites.openingHours,
  pilotBatch: sites.pilotBatch,
  zones: sites.zones,
});

const joinRegion = () => and(eq(regions.tenantId, sites.tenantId), eq(regions.code, sites.regionCode));

const sitesCursor = cursorCodec(cursorPart.text, cursorPart.uuid);

/** One keyset page of sites (region code, then id) matching `conditions`. */
export async function pageSites(db: Db, conditions: (SQL | undefined)[], page: { limit: number; cursor?: string }) {
  const after = sitesCursor.decode(page.cursor);
  const keyset = after
    ? or(gt(sites.regionCode, after[0]), and(eq(sites.regionCode, after[0]), gt(sites.id, after[1])))
    : undefined;
  const rows = await db
    .select(summaryColumns())
    .from(sites)
    .innerJoin(regions, joinRegion())
    .where(and(...conditions, keyset))
    .orderBy(asc(sites.regionCode), asc(sites.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? sitesCursor.encode([last.regionCode, last.id]) : null,
  };
}

export interface SiteRecord {
  id: string;
  tenantId: string;
  kind: (typeof sites.$inferSelect)['kind'];
  name: string;
  regionCode: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  locationApproximate: boolean;
  openingHours: string | null;
  pilotBatch: number | null;
  zones: (typeof sites.$inferSelect)['zones'];
  description: string | null;
}

export async function findSite(db: Db, tenantId: string, id: string): Promise<SiteRecord | null> {
  const [row] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.tenantId, tenantId), eq(sites.id, id)));
  return row ?? null;
}

/**
 * The site, when it exists and lies in the caller's scope; NOT_FOUND otherwise, the same answer
 * for a site outside the scope as for one that does not exist.
 */
export async function loadSiteInScope(ctx: Ctx, id: string): Promise<SiteRecord> {
  const actor = requireActor(ctx);
  const site = await findSite(ctx.db, actor.tenantId, id);
  if (!site || !inScope(actor, site.regionCode)) throw new AppError('NOT_FOUND');
  return site;
}

/** The public view of one site: what it is, where, and what one can do there. No staff data. */
export async function presentSiteDetail(db: Db, site: SiteRecord) {
  const subdistrictCode = site.regionCode.length >= 9 ? site.regionCode.slice(0, 9) : null;
  const names = await db
    .select({ code: regions.code, name: regions.shortName })
    .from(regions)
    .where(
      and(
        eq(regions.tenantId, site.tenantId),
        inArray(regions.code, [site.regionCode, ...(subdistrictCode ? [subdistrictCode] : [])]),
      ),
    );
  const nameOf = (code: string | null) => names.find((n) => n.code === code)?.name ?? null;
  return {
    id: site.id,
    kind: site.kind,
    kindLabel: kindInfo[site.kind].label,
    kindLabelEn: kindInfo[site.kind].labelEn,
    name: site.name,
    regionCode: site.regionCode,
    regionName: nameOf(site.regionCode) ?? site.regionCode,
    subdistrictCode,
    subdistrictName: nameOf(subdistrictCode),
    address: site.address,
    lng: site.lng,
    lat: site.lat,
    locationApproximate: site.locationApproximate,
    openingHours: site.openingHours,
    pilotBatch: site.pilotBatch,
    zones: site.zones,
    description: site.description,
    zoneDetails: zonesWithInfo(site.zones),
    services: servicesOf(site.kind, site.zones),
  };
}
