import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { regions } from '../regions/index.js';
import type { Post } from './coverage.js';
import { loadLayer } from './load-layer.js';
import { cellRing, cellsOutline, type Position } from './map-shapes.js';
import { memo } from './memo.js';
import { proposalsUnder } from './proposals.js';
import { walkMeters } from './reach.js';
import { ROAD_SNAP_M, reacher } from './road-coverage.js';

const UNCOVERED_LISTED = 500;
const COVERED_LISTED = 10_000;
const outlines = memo<Position[][][]>(8);

async function regionNames(ctx: Ctx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.tenantId, ctx.tenantId), inArray(regions.code, codes)));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Covered people and share for the caller's scope, per community, after each batch (the planned
 * batches kept from siting proposals follow the real ones), and the cells nobody reaches.
 */
export async function getCoverageReport(ctx: Ctx, input: { regionCode?: string }) {
  const layer = await loadLayer(ctx, input.regionCode);
  const reach = await reacher(ctx, layer.index, layer.settings);
  const { summary, byBatch, covered } = reach.coverage(layer.posts);
  const plans = await proposalsUnder(ctx, ctx.tenantId, layer.roots);
  const planned: Post[] = plans.flatMap((p) =>
    p.picks.map((pick, k) => ({ id: `${p.id}:${k}`, lat: pick.lat, lng: pick.lng, batch: p.batch })),
  );
  const withPlans = planned.length > 0 ? reach.coverage([...layer.posts, ...planned]) : null;
  const plannedBatches = new Set(plans.map((p) => p.batch));
  const cells = layer.index.cells;
  const names = await regionNames(
    ctx,
    summary.communities.map((c) => c.community),
  );
  const coveredCells = new Set<string>();
  const allCovered = new Set<string>();
  cells.forEach((c, i) => {
    if (!covered[i]) return;
    allCovered.add(c.cell);
    if (coveredCells.size < COVERED_LISTED) coveredCells.add(c.cell);
  });
  return {
    synthetic: layer.synthetic,
    settings: layer.settings,
    reach: {
      method: reach.method,
      roadLines: reach.lines,
      walkM: reach.method === 'roads' ? walkMeters(layer.settings) : layer.settings.reachM,
      snapM: reach.method === 'roads' ? ROAD_SNAP_M : null,
    },
    population: summary.population,
    covered: summary.covered,
    share: summary.share,
    communities: summary.communities.map(({ community, ...r }) => ({
      regionCode: community,
      name: names.get(community) ?? community,
      ...r,
    })),
    byBatch: (withPlans?.byBatch ?? byBatch).map((b) => ({
      ...b,
      planned: b.batch !== null && plannedBatches.has(b.batch) && !byBatch.some((real) => real.batch === b.batch),
    })),
    uncoveredCells: summary.uncovered.slice(0, UNCOVERED_LISTED).map((i) => {
      const c = cells[i] as (typeof cells)[number];
      return {
        cell: c.cell,
        lat: c.lat,
        lng: c.lng,
        regionCode: c.community,
        population: c.population,
        boundary: cellRing(c.cell),
      };
    }),
    uncoveredCount: summary.uncovered.length,
    coveredCells: [...coveredCells],
    coveredOutline: outlines([reach.digest ?? 'straight', ...allCovered], () => cellsOutline(allCovered)),
    sites: layer.sites,
    plannedPosts: plans.flatMap((p) =>
      p.picks.map((pick) => ({ lat: pick.lat, lng: pick.lng, batch: p.batch, gain: pick.gain })),
    ),
  };
}
