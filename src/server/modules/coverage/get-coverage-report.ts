import type { Ctx } from '../../platform/context.js';
import { straightCoverage } from './coverage.js';
import { loadLayer } from './load-layer.js';

const UNCOVERED_LISTED = 500;

/** Covered people and share for the caller's scope, per community, after each batch, and the uncovered cells. */
export async function getCoverageReport(ctx: Ctx, input: { regionCode?: string }) {
  const layer = await loadLayer(ctx, input.regionCode);
  const { summary, byBatch } = straightCoverage(layer.index, layer.posts, layer.settings.reachM);
  const cells = layer.index.cells;
  return {
    synthetic: layer.synthetic,
    settings: layer.settings,
    population: summary.population,
    covered: summary.covered,
    share: summary.share,
    communities: summary.communities.map(({ community, ...r }) => ({ regionCode: community, ...r })),
    byBatch,
    uncoveredCells: summary.uncovered.slice(0, UNCOVERED_LISTED).map((i) => {
      const c = cells[i] as (typeof cells)[number];
      return { cell: c.cell, lat: c.lat, lng: c.lng, regionCode: c.community, population: c.population };
    }),
    uncoveredCount: summary.uncovered.length,
  };
}
