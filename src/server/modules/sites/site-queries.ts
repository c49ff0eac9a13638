import { and, asc, eq, gt, inArray, like, or, sql } from 'drizzle-orm';
import { inScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { preparedPerShape } from '../../platform/prepared.js';
import { regions } from '../regions/index.js';
import { type SiteKind, sites } from './schema.js';
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

export interface SitesFilter {
  tenantId: string;
  /** The caller's region roots; absent for the public list, which sees the whole district. */
  scope?: string[];
  kind?: SiteKind;
  regionCode?: string;
}

/**
 * The keyset page's statement for one shape: which filters are present, how many scope roots,
 * whether a cursor continues. Every value is a placeholder, so each shape is built once.
 */
function preparePage(db: Db, shape: string) {
  const [scopeRoots, kind, region, cursor] = shape.split(':');
  const roots = Array.from({ length: Number(scopeRoots) }, (_, i) =>
    like(sites.regionCode, sql.placeholder(`scope${i}`)),
  );
  return db
    .select(summaryColumns())
    .from(sites)
    .innerJoin(regions, joinRegion())
    .where(
      and(
        eq(sites.tenantId, sql.placeholder('tenantId')),
        roots.length ? or(...roots) : undefined,
        kind === 'k' ? eq(sites.kind, sql.placeholder('kind')) : undefined,
        region === 'r' ? like(sites.regionCode, sql.placeholder('region')) : undefined,
        cursor === 'c'
          ? or(
              gt(sites.regionCode, sql.placeholder('afterRegion')),
              and(eq(sites.regionCode, sql.placeholder('afterRegion')), gt(sites.id, sql.placeholder('afterId'))),
            )
          : undefined,
      ),
    )
    .orderBy(asc(sites.regionCode), asc(sites.id))
    .limit(sql.placeholder('limit'))
    .prepare(`sites_page_${shape.replaceAll(':', '_')}`);
}

const pageQuery = preparedPerShape(preparePage);

/** One keyset page of sites (region code, then id) matching `filter`. */
export async function pageSites(db: Db, filter: SitesFilter, page: { limit: number; cursor?: string }) {
  const after = sitesCursor.decode(page.cursor);
  if (filter.scope?.length === 0) return { items: [], nextCursor: null };
  const scope = filter.scope ?? [];
  const shape = [scope.length, filter.kind ? 'k' : '-', filter.regionCode ? 'r' : '-', after ? 'c' : '-'].join(':');
  const rows = await pageQuery(db, shape).execute({
    tenantId: filter.tenantId,
    ...Object.fromEntries(scope.map((root, i) => [`scope${i}`, `${root}%`])),
    kind: filter.kind,
    region: filter.regionCode ? `${filter.regionCode}%` : undefined,
    afterRegion: after?.[0],
    afterId: after?.[1],
    limit: page.limit + 1,
  });
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
