import { and, eq } from 'drizzle-orm';
import { regionScope, requireRegionInScope, subtreeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { readDistrictPlaces } from '../sites/index.js';
import type { Bounds } from './parse-population.js';
import { parseRoadGeoJson } from './parse-roads.js';
import { coverageRoads } from './schema.js';

export const MAX_ROAD_FEATURES = 20_000;
export const MAX_ROAD_VERTICES = 200_000;
const CHUNK = 1000;
const CHINA: Bounds = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 };

export interface RoadImportInput {
  regionCode?: string;
  content: string;
  dryRun?: boolean;
}

/**
 * Imports the road network of a region (the caller's own area by default). Every feature is checked
 * first; when any is wrong nothing is stored and the report lists each problem by feature.
 * Otherwise the region's roads are replaced in one transaction.
 */
export async function importRoads(ctx: Ctx, input: RoadImportInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const root = input.regionCode ?? regionScope(actor)[0];
  if (!root) throw new AppError('NOT_FOUND');
  const bounds = readDistrictPlaces(actor.tenantId)?.bounds ?? CHINA;
  const parsed = parseRoadGeoJson(input.content, bounds, MAX_ROAD_FEATURES, MAX_ROAD_VERTICES);
  if (parsed.fileProblem) throw fieldError('body.content', parsed.fileProblem.message, parsed.fileProblem.messageEn);
  if (parsed.lines.length + parsed.problemCount === 0) {
    throw fieldError('body.content', '文件中没有道路', 'The file holds no roads');
  }
  const report = {
    regionCode: root,
    lines: parsed.lines.length,
    vertices: parsed.vertices,
    problemCount: parsed.problemCount,
    problems: parsed.problems,
    stored: false,
  };
  if (report.problemCount > 0 || input.dryRun) return report;
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(coverageRoads)
      .where(and(eq(coverageRoads.tenantId, actor.tenantId), subtreeCondition(coverageRoads.regionCode, [root])));
    const rows = parsed.lines.map((coordinates) => ({ tenantId: actor.tenantId, regionCode: root, coordinates }));
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(coverageRoads).values(rows.slice(i, i + CHUNK));
    await writeAudit(tx, auditContext(ctx), {
      action: 'coverage_roads.import',
      entityType: 'coverage_roads',
      regionCode: root,
      detail: { lines: rows.length, vertices: parsed.vertices },
    });
  });
  return { ...report, stored: true };
}

/** Removes the road network of a region (the caller's own area by default); reach falls back to straight lines. */
export async function clearRoads(ctx: Ctx, input: { regionCode?: string }) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const root = input.regionCode ?? regionScope(actor)[0];
  if (!root) throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(coverageRoads)
      .where(and(eq(coverageRoads.tenantId, actor.tenantId), subtreeCondition(coverageRoads.regionCode, [root])))
      .returning({ id: coverageRoads.id });
    await writeAudit(tx, auditContext(ctx), {
      action: 'coverage_roads.clear',
      entityType: 'coverage_roads',
      regionCode: root,
      detail: { lines: removed.length },
    });
    return { regionCode: root, removed: removed.length };
  });
}
