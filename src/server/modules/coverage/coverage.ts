import { getResolution } from 'h3-js';
import KDBush from 'kdbush';
import type { PopulationCell } from './population.js';
import { metersBetween, projector } from './reach.js';

/** A place people are served from: an existing site, a planned post or a candidate. */
export interface Post {
  id: string;
  lat: number;
  lng: number;
  /** Rollout batch (1 = the pilot); null for sites outside the batches (centre, stations…). */
  batch: number | null;
}

/** Population cells in a spatial index of their centres. */
export interface CellIndex {
  cells: PopulationCell[];
  resolution: number;
  tree: KDBush;
  project: (lat: number, lng: number) => [number, number];
}

export function indexCells(cells: PopulationCell[], resolution: number): CellIndex {
  const project = projector(cells.length > 0 ? (cells[0] as PopulationCell).lat : 0);
  const tree = new KDBush(Math.max(1, cells.length));
  for (const c of cells) {
    if (getResolution(c.cell) !== resolution) throw new Error(`cell ${c.cell} is not at resolution ${resolution}`);
    tree.add(...project(c.lat, c.lng));
  }
  if (cells.length === 0) tree.add(Number.MAX_VALUE, Number.MAX_VALUE);
  tree.finish();
  return { cells, resolution, tree, project };
}

/** Population cells whose centre lies within `reachM` (great circle) of a point, in index order. */
export function cellsWithin(index: CellIndex, lat: number, lng: number, reachM: number): number[] {
  const [x, y] = index.project(lat, lng);
  const out: number[] = [];
  for (const i of index.tree.within(x, y, reachM * 1.02 + 1)) {
    const c = index.cells[i];
    if (c && metersBetween(lat, lng, c.lat, c.lng) <= reachM) out.push(i);
  }
  return out.sort((a, b) => a - b);
}

export interface CommunityCoverage {
  community: string;
  population: number;
  covered: number;
  share: number;
}

export interface CoverageSummary {
  population: number;
  covered: number;
  share: number;
  communities: CommunityCoverage[];
  /** Indices into the cells of those nobody reaches, most people first. */
  uncovered: number[];
}

const shareOf = (covered: number, population: number) => (population === 0 ? 0 : covered / population);

export function summarise(cells: PopulationCell[], covered: Uint8Array): CoverageSummary {
  let population = 0;
  let coveredPeople = 0;
  const byCommunity = new Map<string, CommunityCoverage>();
  const uncovered: number[] = [];
  cells.forEach((c, i) => {
    population += c.population;
    let row = byCommunity.get(c.community);
    if (!row) {
      row = { community: c.community, population: 0, covered: 0, share: 0 };
      byCommunity.set(c.community, row);
    }
    row.population += c.population;
    if (covered[i]) {
      coveredPeople += c.population;
      row.covered += c.population;
    } else uncovered.push(i);
  });
  const communities = [...byCommunity.values()]
    .map((r) => ({ ...r, share: shareOf(r.covered, r.population) }))
    .sort((a, b) => (a.community < b.community ? -1 : 1));
  uncovered.sort((a, b) => (cells[b] as PopulationCell).population - (cells[a] as PopulationCell).population || a - b);
  return { population, covered: coveredPeople, share: shareOf(coveredPeople, population), communities, uncovered };
}

export interface BatchStep {
  /** null: the sites outside the batches, counted first. */
  batch: number | null;
  posts: number;
  covered: number;
  share: number;
}

export interface CoverageResult {
  /** For each post, the indices of the cells it reaches. */
  reach: number[][];
  covered: Uint8Array;
  summary: CoverageSummary;
  /** Cumulative coverage after each batch, in rollout order. */
  byBatch: BatchStep[];
}

/** Coverage from per-post reach lists (straight-line or along roads). */
export function coverageFromReach(cells: PopulationCell[], posts: Post[], reach: number[][]): CoverageResult {
  const covered = new Uint8Array(cells.length);
  for (const list of reach) for (const i of list) covered[i] = 1;
  const summary = summarise(cells, covered);
  const batches = [...new Set(posts.map((p) => p.batch))].sort((a, b) => (a === null ? -1 : b === null ? 1 : a - b));
  const running = new Uint8Array(cells.length);
  let coveredPeople = 0;
  let count = 0;
  const byBatch = batches.map((batch) => {
    posts.forEach((p, j) => {
      if (p.batch !== batch) return;
      count++;
      for (const i of reach[j] as number[]) {
        if (running[i]) continue;
        running[i] = 1;
        coveredPeople += (cells[i] as PopulationCell).population;
      }
    });
    return { batch, posts: count, covered: coveredPeople, share: shareOf(coveredPeople, summary.population) };
  });
  return { reach, covered, summary, byBatch };
}

/** Straight-line coverage: a cell is covered when its centre lies within the reach of a post. */
export function straightCoverage(index: CellIndex, posts: Post[], reachM: number): CoverageResult {
  const reach = posts.map((p) => cellsWithin(index, p.lat, p.lng, reachM));
  return coverageFromReach(index.cells, posts, reach);
}
