import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { type CellIndex, type CoverageResult, coverageFromReach, type Post, straightCoverage } from './coverage.js';
import { memo } from './memo.js';
import type { LngLat } from './population.js';
import { walkMeters } from './reach.js';
import { buildRoadGraph, type RoadGraph, roadAccess, roadReach } from './roads.js';
import { coverageRoads } from './schema.js';
import type { CoverageSettings } from './settings.js';

/**
 * How far from the network a cell centre or a site may lie and still use it: each is snapped to its
 * nearest network node within this distance, and that straight stretch counts as walked.
 */
export const ROAD_SNAP_M = 150;

export type ReachMethod = 'straight' | 'roads';

export interface Reacher {
  method: ReachMethod;
  /** sha256 of the stored network (null without one): part of every cache key built from it. */
  digest: string | null;
  lines: number;
  coverage: (posts: Post[]) => CoverageResult;
}

const graphs = memo<RoadGraph>(4);

/**
 * The tenant's whole stored network (people walk across community lines, as with sites). Its presence
 * alone switches the report to network reach; clearing it returns to straight lines.
 */
async function tenantRoads(ctx: Ctx): Promise<LngLat[][]> {
  const rows = await ctx.db
    .select({ coordinates: coverageRoads.coordinates })
    .from(coverageRoads)
    .where(eq(coverageRoads.tenantId, ctx.tenantId))
    .orderBy(coverageRoads.id);
  return rows.map((r) => r.coordinates);
}

/**
 * Straight-line reach (speed × minutes ÷ detour factor), or with a stored network the shortest path
 * along it (speed × minutes, no detour factor): a cell is covered when its centre's node is reached.
 */
export async function reacher(ctx: Ctx, index: CellIndex, settings: CoverageSettings & { reachM: number }) {
  const lines = await tenantRoads(ctx);
  if (lines.length === 0) {
    return {
      method: 'straight',
      digest: null,
      lines: 0,
      coverage: (posts) => straightCoverage(index, posts, settings.reachM),
    } satisfies Reacher;
  }
  const json = JSON.stringify(lines);
  const digest = createHash('sha256').update(json).digest('hex');
  const graph = graphs([digest], () => buildRoadGraph(lines));
  const access = roadAccess(graph, index, ROAD_SNAP_M);
  const walkM = walkMeters(settings);
  return {
    method: 'roads',
    digest,
    lines: lines.length,
    coverage: (posts) => coverageFromReach(index.cells, posts, roadReach(graph, access, posts, walkM, ROAD_SNAP_M)),
  } satisfies Reacher;
}
