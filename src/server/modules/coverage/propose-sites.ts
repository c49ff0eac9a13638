import { latLngToCell } from 'h3-js';
import type { Ctx } from '../../platform/context.js';
import { cellsWithin, straightCoverage } from './coverage.js';
import { readCandidates } from './import-candidates.js';
import { loadLayer } from './load-layer.js';
import type { PopulationCell } from './population.js';
import { siteNewPosts } from './siting.js';

export type CandidateSource = 'cells' | 'imported' | 'both';

interface Candidate {
  cell: string;
  lat: number;
  lng: number;
  name: string | null;
}

/**
 * Where to open `n` new posts: candidates are the centres of the uncovered cells in scope, the imported
 * candidate sites of the scope, or both; the answer is the lazy greedy + swap pick (siting.ts) with each
 * pick's gain in people. Nothing is stored.
 */
export async function proposeSites(ctx: Ctx, input: { n: number; regionCode?: string; candidates?: CandidateSource }) {
  const source = input.candidates ?? 'cells';
  const layer = await loadLayer(ctx, input.regionCode);
  const { reachM } = layer.settings;
  const { summary } = straightCoverage(layer.index, layer.posts, reachM);
  const cells = layer.index.cells;
  const element = new Map(summary.uncovered.map((cell, k) => [cell, k]));
  const candidates: Candidate[] = [];
  if (source !== 'imported') {
    const byCell = new Map(cells.map((c) => [c.cell, c]));
    for (const cell of new Set(summary.uncovered.map((i) => (cells[i] as PopulationCell).cell))) {
      const c = byCell.get(cell) as PopulationCell;
      candidates.push({ cell, lat: c.lat, lng: c.lng, name: null });
    }
  }
  if (source !== 'cells') {
    for (const c of await readCandidates(ctx, layer.roots)) {
      candidates.push({
        cell: latLngToCell(c.lat, c.lng, layer.settings.resolution),
        lat: c.lat,
        lng: c.lng,
        name: c.name,
      });
    }
  }
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
    candidates: candidates.length,
    population: summary.population,
    before: { covered: summary.covered, share: summary.share },
    after: { covered: summary.covered + result.total, share: share(summary.covered + result.total) },
    picks: result.picks.map((p) => {
      const c = candidates[p.candidate] as Candidate;
      return { cell: c.cell, lat: c.lat, lng: c.lng, name: c.name, gain: p.gain };
    }),
  };
}
