import { and, eq } from 'drizzle-orm';
import { regionScope, requireRegionInScope, subtreeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { readDistrictPlaces } from '../sites/index.js';
import { parseCandidateCsv, parseCandidateGeoJson } from './parse-candidates.js';
import type { Bounds } from './parse-population.js';
import { coverageCandidates } from './schema.js';

export const MAX_CANDIDATES = 5_000;
const CHUNK = 1000;
const CHINA: Bounds = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 };

export interface CandidateImportInput {
  regionCode?: string;
  format: 'geojson' | 'csv';
  content: string;
  dryRun?: boolean;
}

/**
 * Imports the candidate sites of a region (the caller's own area by default). Every feature is checked
 * first; when any is wrong nothing is stored and the report lists each problem by feature or line.
 * Otherwise the region's candidates are replaced in one transaction.
 */
export async function importCandidates(ctx: Ctx, input: CandidateImportInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const root = input.regionCode ?? regionScope(actor)[0];
  if (!root) throw new AppError('NOT_FOUND');
  const bounds = readDistrictPlaces(actor.tenantId)?.bounds ?? CHINA;
  const parse = input.format === 'csv' ? parseCandidateCsv : parseCandidateGeoJson;
  const parsed = parse(input.content, bounds, MAX_CANDIDATES);
  if (parsed.fileProblem) throw fieldError('body.content', parsed.fileProblem.message, parsed.fileProblem.messageEn);
  const total = parsed.candidates.length + parsed.problemCount;
  if (total === 0) throw fieldError('body.content', '文件中没有候选点位', 'The file holds no candidate sites');
  const report = {
    regionCode: root,
    format: input.format,
    features: total,
    validFeatures: parsed.candidates.length,
    problemCount: parsed.problemCount,
    problems: parsed.problems,
    stored: false,
  };
  if (report.problemCount > 0 || input.dryRun) return report;
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(coverageCandidates)
      .where(
        and(eq(coverageCandidates.tenantId, actor.tenantId), subtreeCondition(coverageCandidates.regionCode, [root])),
      );
    const rows = parsed.candidates.map((c) => ({ tenantId: actor.tenantId, regionCode: root, ...c }));
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(coverageCandidates).values(rows.slice(i, i + CHUNK));
    await writeAudit(tx, auditContext(ctx), {
      action: 'coverage_candidates.import',
      entityType: 'coverage_candidates',
      regionCode: root,
      detail: { format: input.format, candidates: rows.length },
    });
  });
  return { ...report, stored: true };
}

/** The imported candidates a caller may site among: those imported for a region in their scope. */
export async function readCandidates(ctx: Ctx, roots: string[]) {
  const actor = requireActor(ctx);
  return ctx.db
    .select({ name: coverageCandidates.name, lng: coverageCandidates.lng, lat: coverageCandidates.lat })
    .from(coverageCandidates)
    .where(and(eq(coverageCandidates.tenantId, actor.tenantId), subtreeCondition(coverageCandidates.regionCode, roots)))
    .orderBy(coverageCandidates.id);
}
