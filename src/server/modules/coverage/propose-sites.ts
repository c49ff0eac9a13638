import type { Ctx } from '../../platform/context.js';
import { cellsWithin, straightCoverage } from './coverage.js';
import { loadLayer } from './load-layer.js';
import type { PopulationCell } from './population.js';
import { siteNewPosts } from './siting.js';

/**
 * Where to open `n` new posts: candidates are the centres of the uncovered cells in scope; the answer is
 * the lazy greedy + swap pick (siting.ts) with each pick's gain in people. Nothing is stored.
 */
export async function proposeSites(ctx: Ctx, input: { n: number; regionCode?: string }) {
  const layer = await loadLayer(ctx, input.regionCode);
  const { reachM } = layer.settings;
  const { summary } = straightCoverage(layer.index, layer.posts, reachM);
  const cells = layer.index.cells;
  const element = new Map(summary.uncovered.map((cell, k) => [cell, k]));
  const candidates = [...new Set(summary.uncovered.map((i) => (cells[i] as PopulationCell).cell))].map(
    (cell) => cells.find((c) => c.cell === cell) as PopulationCell,
  );
  const problem = {
    weights: summary.uncovered.map((i) => (cells[i] as PopulationCell).population),
    sets: candidates.map((c) =>
      cellsWithin(layer.index, c.lat, c.lng, reachM)
        .map((i) => element.get(i))
        .filter((k): k is number => k !== undefined),
    ),
  };
  const result = siteNewPosts(problem, input.n);
  const share = (covered: number) => (summary.population === 0 ? 0 : covered / summary.population);
  return {
    synthetic: layer.synthetic,
    population: summary.population,
    before: { covered: summary.covered, share: summary.share },
    after: { covered: summary.covered + result.total, share: share(summary.covered + result.total) },
    picks: result.picks.map((p) => {
      const c = candidates[p.candidate] as PopulationCell;
      return { cell: c.cell, lat: c.lat, lng: c.lng, gain: p.gain };
    }),
  };
}
