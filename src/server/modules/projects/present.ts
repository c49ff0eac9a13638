import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import type { projectItem } from './contract.js';
import { type ProjectRow, stateLabel } from './machine.js';
import { brandSeries, brands } from './schema.js';

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];

async function nameMap(
  db: Db,
  tenantId: string,
  ids: string[],
  table: typeof organisations | typeof brands | typeof brandSeries,
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function regionNames(db: Db, tenantId: string, codes: string[]): Promise<Map<string, string>> {
  const wanted = uniq(codes);
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), inArray(regions.code, wanted)));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface Names {
  organisations: Map<string, string>;
  brands: Map<string, string>;
  series: Map<string, string>;
  regions: Map<string, string>;
}

/** The names a page of projects shows, in four queries. */
export async function loadNames(db: Db, tenantId: string, rows: ProjectRow[]): Promise<Names> {
  const [orgs, brandNames, seriesNames, regionMap] = await Promise.all([
    nameMap(db, tenantId, uniq(rows.map((r) => r.organisationId)), organisations),
    nameMap(db, tenantId, uniq(rows.map((r) => r.brandId)), brands),
    nameMap(db, tenantId, uniq(rows.map((r) => r.seriesId)), brandSeries),
    regionNames(db, tenantId, [...rows.map((r) => r.regionCode), ...rows.map((r) => r.reviewRegionCode ?? '')]),
  ]);
  return { organisations: orgs, brands: brandNames, series: seriesNames, regions: regionMap };
}

const refOf = (id: string | null, names: Map<string, string>) =>
  id === null ? null : { id, name: names.get(id) ?? '' };

export function presentItem(row: ProjectRow, names: Names): z.output<typeof projectItem> {
  const review = row.state === 'submitted' ? row.reviewRegionCode : null;
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    stateLabel: stateLabel(row.state),
    level: row.level,
    category: row.category,
    year: row.year,
    organisation: { id: row.organisationId, name: names.organisations.get(row.organisationId) ?? '' },
    brand: refOf(row.brandId, names.brands),
    series: refOf(row.seriesId, names.series),
    regionCode: row.regionCode,
    regionName: names.regions.get(row.regionCode) ?? row.regionCode,
    reviewRegion: review ? { code: review, name: names.regions.get(review) ?? review } : null,
    budgetFen: row.budgetFen,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    synthetic: row.synthetic,
  };
}

export async function presentPage(db: Db, tenantId: string, rows: ProjectRow[], nextCursor: string | null) {
  const names = await loadNames(db, tenantId, rows);
  return { items: rows.map((r) => presentItem(r, names)), nextCursor };
}
