import { inScope, requireRegionInScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { listSiteMapPoints } from '../sites/index.js';
import { type CellIndex, indexCells, type Post } from './coverage.js';
import { aggregatePopulation, type PopulationCell } from './population.js';
import { DEFAULT_REACH, type ReachSettings, straightReachMeters } from './reach.js';
import { syntheticPopulation } from './synthetic-population.js';

export const DEFAULT_RESOLUTION = 10;

export interface Layer {
  synthetic: boolean;
  settings: ReachSettings & { resolution: number; reachM: number };
  index: CellIndex;
  posts: Post[];
}

/**
 * The caller's population layer and every located site. Until a population import lands, the layer is
 * SYNTHETIC: generated around each community's station (deterministic). Cells are kept only for the
 * communities in the caller's scope (and under `regionCode`); every site counts, since people walk
 * across community lines.
 */
export async function loadLayer(ctx: Ctx, regionCode?: string): Promise<Layer> {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, regionCode);
  const { items } = await listSiteMapPoints(ctx, {});
  const communities = items
    .filter((s) => s.kind === 'station')
    .map((s) => ({ code: s.regionCode, lat: s.lat, lng: s.lng }));
  const wanted = (code: string) => inScope(actor, code) && (!regionCode || code.startsWith(regionCode));
  const resolution = DEFAULT_RESOLUTION;
  const cells: PopulationCell[] = aggregatePopulation(syntheticPopulation(communities), resolution).filter((c) =>
    wanted(c.community),
  );
  return {
    synthetic: true,
    settings: { ...DEFAULT_REACH, resolution, reachM: straightReachMeters(DEFAULT_REACH) },
    index: indexCells(cells, resolution),
    posts: items.map((s) => ({ id: s.id, lat: s.lat, lng: s.lng, batch: s.pilotBatch })),
  };
}
