/**
 * 15-minute service-circle benchmarks, in process (the coverage core is pure):
 * - full recompute for a 300 km² district (≈ 17.3 × 17.3 km) with 500 sites: population to H3 cells,
 *   straight-line reach of every site, district / community / batch totals (goal ≤ 0.3 s);
 * - siting 20 new posts from 2,000 candidates (goal: ≥ 0.95 × the exact optimum in ≤ 0.5 s), against
 *   HiGHS solving the same maximal-covering integer program in the same run (time-limited; when it stops
 *   early its proven bound is the reference).
 *
 *   npx tsx bench/coverage.ts      (also part of npm run bench)
 */
import { pathToFileURL } from 'node:url';
import { cellsToMultiPolygon } from 'h3-js';
import highsModule from 'highs';
import {
  aggregatePopulation,
  type CommunityPoint,
  cellsOutline,
  cellsWithin,
  DEFAULT_REACH,
  greedySiting,
  indexCells,
  optimumUpperBound,
  type Post,
  type SitingProblem,
  siteNewPosts,
  straightCoverage,
  straightReachMeters,
  syntheticPopulation,
} from '../src/server/modules/coverage/index.js';
import { mulberry32 } from './dispatch-instance.js';

// highs ships CommonJS types beside the ES build Node loads: the types put the loader one level down.
const loadHighs = highsModule as unknown as (typeof highsModule)['default'];

/** max Σ w_e y_e  s.t.  y_e ≤ Σ_{c covers e} x_c,  Σ x_c = n,  x binary,  0 ≤ y ≤ 1. */
function coveringProgram(p: SitingProblem, n: number): string {
  const coveredBy: number[][] = Array.from({ length: p.weights.length }, () => []);
  p.sets.forEach((set, c) => {
    for (let k = 0; k < set.length; k++) coveredBy[set[k] as number]?.push(c);
  });
  const used = coveredBy.map((cs, e) => cs.length > 0 && (p.weights[e] as number) > 0);
  const objective = used.flatMap((u, e) => (u ? [`${p.weights[e]} y${e}`] : [])).join(' + ');
  const rows = used.flatMap((u, e) =>
    u ? [` e${e}: y${e} ${(coveredBy[e] as number[]).map((c) => `- x${c}`).join(' ')} <= 0`] : [],
  );
  const xs = p.sets.map((_, c) => `x${c}`);
  return [
    'Maximize',
    ` obj: ${objective}`,
    'Subject To',
    ...rows,
    ` n: ${xs.join(' + ')} = ${n}`,
    'Bounds',
    ...used.flatMap((u, e) => (u ? [` 0 <= y${e} <= 1`] : [])),
    'Binary',
    ` ${xs.join(' ')}`,
    'End',
  ].join('\n');
}

const SIDE_M = Math.sqrt(300e6);
const CENTRE = { lat: 37.5, lng: 122.1 };
const M_PER_DEG = 111_320;
const RESOLUTION = 10;

function randomPoint(next: () => number): { lat: number; lng: number } {
  const east = (next() - 0.5) * SIDE_M;
  const north = (next() - 0.5) * SIDE_M;
  return {
    lat: CENTRE.lat + north / M_PER_DEG,
    lng: CENTRE.lng + east / (M_PER_DEG * Math.cos((CENTRE.lat * Math.PI) / 180)),
  };
}

function median(runs: number[]): number {
  const s = [...runs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function timed<T>(times: number, run: () => T): [T, number] {
  let out = run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    out = run();
    ms.push(performance.now() - start);
  }
  return [out, median(ms)];
}

export async function benchCoverage(): Promise<void> {
  const next = mulberry32(300);
  const communities: CommunityPoint[] = Array.from({ length: 240 }, (_, i) => ({
    code: `c${i}`,
    ...randomPoint(next),
  }));
  const features = syntheticPopulation(communities, { blocks: 40, spreadM: 500 });
  const posts: Post[] = Array.from({ length: 500 }, (_, i) => ({
    id: `s${i}`,
    ...randomPoint(next),
    batch: i < 230 ? null : 1 + Math.floor((i - 230) / 45),
  }));
  const reach = straightReachMeters(DEFAULT_REACH);

  const [full, fullMs] = timed(5, () => {
    const cells = aggregatePopulation(features, RESOLUTION);
    return { cells, result: straightCoverage(indexCells(cells, RESOLUTION), posts, reach) };
  });
  const index = indexCells(full.cells, RESOLUTION);
  const [, coverMs] = timed(5, () => straightCoverage(index, posts, reach));
  const s = full.result.summary;
  console.log(
    `\ncoverage: 300 km², ${features.length} population points → ${full.cells.length} H3 cells (res ${RESOLUTION}), ` +
      `${posts.length} sites, reach ${reach.toFixed(0)} m; covered ${s.covered}/${s.population} (${(100 * s.share).toFixed(1)} %), ` +
      `${full.result.byBatch.length} batch steps`,
  );
  console.log('| | median | goal |\n|---|---|---|');
  console.log(
    `| full recompute: reach of every site, district / community / batch totals | ${coverMs.toFixed(0)} ms | ≤ 300 ms |`,
  );
  console.log(`| the same, population re-aggregated to cells first (after an import) | ${fullMs.toFixed(0)} ms | |`);
  // The report's map: the covered cells merged into one outline (what GET /coverage/report drew slowly).
  const coveredCells = full.cells.filter((_, i) => full.result.covered[i]).map((c) => c.cell);
  const [outline, outlineMs] = timed(5, () => cellsOutline(coveredCells));
  const [h3Outline, h3Ms] = timed(5, () => cellsToMultiPolygon([...new Set(coveredCells)], true));
  if (outline.length !== h3Outline.length) throw new Error('the outlines disagree');
  console.log(
    `| covered area outline for the report map (${coveredCells.length} cells → ${outline.length} polygons): edge cancellation | ${outlineMs.toFixed(0)} ms | |`,
  );
  console.log(`| the same with h3-js cellsToMultiPolygon (before) | ${h3Ms.toFixed(0)} ms | |`);

  // Siting is asked before the later batches: against the coverage of the first 150 sites, more is open.
  const open = straightCoverage(index, posts.slice(0, 150), reach).summary;
  const candidates = Array.from({ length: 2000 }, () => randomPoint(next));
  const uncovered = new Map(open.uncovered.map((cell, k) => [cell, k]));
  const weights = open.uncovered.map((i) => full.cells[i]?.population ?? 0);
  const [problem, setsMs] = timed(3, () => ({
    weights,
    sets: candidates.map((c) =>
      cellsWithin(index, c.lat, c.lng, reach)
        .map((i) => uncovered.get(i))
        .filter((k): k is number => k !== undefined),
    ),
  }));
  const [picked, siteMs] = timed(5, () => siteNewPosts(problem, 20));
  const [lazy, lazyMs] = timed(5, () => greedySiting(problem, 20));
  const bound = optimumUpperBound(
    problem,
    picked.picks.map((p) => p.candidate),
    20,
  );
  const highs = await loadHighs();
  const start = performance.now();
  const mip = highs.solve(coveringProgram(problem, 20), { time_limit: 120, mip_rel_gap: 0 });
  const mipMs = performance.now() - start;
  const optimal = mip.Status === 'Optimal';
  const reference = optimal ? Math.round(mip.ObjectiveValue) : bound;
  console.log(
    `\nsiting 20 of 2,000 candidates over ${weights.length} uncovered cells (${open.population - open.covered} people, first 150 sites): ` +
      `HiGHS MIP ${mip.Status} ${optimal ? reference : '(not proven; reference = upper bound)'}`,
  );
  console.log('| | people | × optimum | time | goal |\n|---|---|---|---|---|');
  console.log(`| HiGHS MIP (reference) | ${reference} | 1.000 | ${mipMs.toFixed(0)} ms | |`);
  console.log(
    `| greedy + swaps (the module), with candidate reach sets | ${picked.total} | ${(picked.total / reference).toFixed(3)} | ${(siteMs + setsMs).toFixed(0)} ms (sets ${setsMs.toFixed(0)} ms) | ≥ 0.95 in ≤ 500 ms |`,
  );
  console.log(
    `| lazy greedy alone | ${lazy.total} | ${(lazy.total / reference).toFixed(3)} | ${lazyMs.toFixed(1)} ms | |`,
  );
  console.log(`| upper bound from the greedy answer (no solver) | ${bound} | ${(bound / reference).toFixed(3)} | | |`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchCoverage();
