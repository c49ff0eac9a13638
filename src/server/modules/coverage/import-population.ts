import { and, eq } from 'drizzle-orm';
import { regionScope, requireRegionInScope, subtreeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { regions } from '../regions/index.js';
import { readDistrictPlaces } from '../sites/index.js';
import { type Bounds, type ParseContext, parseCsv, parseGeoJson } from './parse-population.js';
import { coveragePopulation } from './schema.js';

export const MAX_FEATURES = 20_000;
const MAX_POPULATION = 200_000;
const CHUNK = 1000;
/** Without hand-placed district data: mainland China, so swapped coordinates are still caught. */
const CHINA: Bounds = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 };

export interface ImportInput {
  regionCode?: string;
  format: 'geojson' | 'csv';
  content: string;
  /** Check only; store nothing. */
  dryRun?: boolean;
}

/** Community lookup by code, full name or short name, limited to the communities under `root`. */
async function communityLookup(ctx: Ctx, tenantId: string, root: string): Promise<ParseContext['community']> {
  const rows = await ctx.db
    .select({ code: regions.code, name: regions.name, shortName: regions.shortName })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.level, 'community'), subtreeCondition(regions.code, [root])));
  const byKey = new Map<string, string | null>();
  const add = (key: string, code: string) => byKey.set(key, byKey.has(key) && byKey.get(key) !== code ? null : code);
  for (const r of rows) {
    add(r.code, r.code);
    add(r.name, r.code);
    add(r.shortName, r.code);
  }
  return (key) => byKey.get(key);
}

/**
 * Imports a population layer for the communities under a region (the caller's own area by default).
 * Every feature is checked first; when any is wrong nothing is stored and the report lists each problem
 * by feature (GeoJSON) or line (CSV). Otherwise the region's stored people are replaced in one transaction.
 */
export async function importPopulation(ctx: Ctx, input: ImportInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const root = input.regionCode ?? regionScope(actor)[0];
  if (!root) throw new AppError('NOT_FOUND');
  const parse = input.format === 'csv' ? parseCsv : parseGeoJson;
  const parsed = parse(input.content, {
    bounds: readDistrictPlaces(actor.tenantId)?.bounds ?? CHINA,
    community: await communityLookup(ctx, actor.tenantId, root),
    maxFeatures: MAX_FEATURES,
    maxPopulation: MAX_POPULATION,
  });
  if (parsed.fileProblem) throw fieldError('body.content', parsed.fileProblem.message, parsed.fileProblem.messageEn);
  const total = parsed.features.length + (parsed.problemCount ?? 0);
  if (total === 0) throw fieldError('body.content', '文件中没有人口数据', 'The file holds no population features');
  const population = parsed.features.reduce((s, f) => s + f.population, 0);
  const report = {
    regionCode: root,
    format: input.format,
    features: total,
    validFeatures: parsed.features.length,
    population,
    communities: new Set(parsed.features.map((f) => f.community)).size,
    problemCount: parsed.problemCount ?? 0,
    problems: parsed.problems,
    stored: false,
  };
  if (report.problemCount > 0 || input.dryRun) return report;
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(coveragePopulation)
      .where(
        and(
          eq(coveragePopulation.tenantId, actor.tenantId),
          subtreeCondition(coveragePopulation.communityCode, [root]),
        ),
      );
    const rows = parsed.features.map((f) => ({
      tenantId: actor.tenantId,
      communityCode: f.community,
      geometry: f.geometry,
      population: f.population,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(coveragePopulation).values(rows.slice(i, i + CHUNK));
    await writeAudit(tx, auditContext(ctx), {
      action: 'coverage_population.import',
      entityType: 'coverage_population',
      regionCode: root,
      detail: { format: input.format, features: rows.length, population, communities: report.communities },
    });
  });
  return { ...report, stored: true };
}
