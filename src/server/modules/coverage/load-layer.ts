import { and, eq } from 'drizzle-orm';
import { regionScope, requireRegionInScope, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { listSiteMapPoints } from '../sites/index.js';
import { type CellIndex, indexCells, type Post } from './coverage.js';
import { memo } from './memo.js';
import { aggregatePopulation } from './population.js';
import { straightReachMeters } from './reach.js';
import { coveragePopulation } from './schema.js';
import { type CoverageSettings, readCoverageSettings } from './settings.js';

export interface Layer {
  /** Whether any of the people in scope are SYNTHETIC (the demo's generated layer). */
  synthetic: boolean;
  settings: CoverageSettings & { reachM: number };
  index: CellIndex;
  posts: Post[];
  /** The sites behind `posts`, in the same order. */
  sites: { id: string; name: string; kind: string; lat: number; lng: number; batch: number | null }[];
  /** The roots the layer was read for (the region asked for, or the caller's scope). */
  roots: string[];
}

const cellIndexes = memo<CellIndex>(8);

/**
 * The stored population layer of the communities in the caller's scope (and under `regionCode`),
 * on H3 cells at the tenant's resolution, and every located site: people walk across community
 * lines, so every site counts.
 */
export async function loadLayer(ctx: Ctx, regionCode?: string): Promise<Layer> {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, regionCode);
  const roots = regionCode ? [regionCode] : regionScope(actor);
  const settings = await readCoverageSettings(ctx.db, actor.tenantId);
  const features = await ctx.db
    .select({
      community: coveragePopulation.communityCode,
      geometry: coveragePopulation.geometry,
      population: coveragePopulation.population,
      synthetic: coveragePopulation.synthetic,
    })
    .from(coveragePopulation)
    .where(
      and(eq(coveragePopulation.tenantId, actor.tenantId), subtreeCondition(coveragePopulation.communityCode, roots)),
    )
    .orderBy(coveragePopulation.id);
  const { items } = await listSiteMapPoints(ctx, {});
  return {
    synthetic: features.some((f) => f.synthetic),
    settings: { ...settings, reachM: straightReachMeters(settings) },
    index: cellIndexes([String(settings.resolution), JSON.stringify(features)], () =>
      indexCells(aggregatePopulation(features, settings.resolution), settings.resolution),
    ),
    posts: items.map((s) => ({ id: s.id, lat: s.lat, lng: s.lng, batch: s.pilotBatch })),
    sites: items.map((s) => ({ id: s.id, name: s.name, kind: s.kind, lat: s.lat, lng: s.lng, batch: s.pilotBatch })),
    roots,
  };
}
