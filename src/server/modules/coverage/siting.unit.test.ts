import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactSiting,
  gainsInOrder,
  greedySiting,
  optimumUpperBound,
  type SitingProblem,
  siteNewPosts,
} from './siting.js';

/** Random small instances: up to 14 candidates over up to 30 cells with whole-people weights. */
const instance = fc
  .record({
    weights: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 }),
    sets: fc.array(fc.array(fc.nat(), { maxLength: 8 }), { minLength: 1, maxLength: 14 }),
    n: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ weights, sets, n }) => ({
    problem: { weights, sets: sets.map((s) => [...new Set(s.map((e) => e % weights.length))]) } as SitingProblem,
    n,
  }));

function bruteForce(p: SitingProblem, n: number): number {
  let best = 0;
  const m = p.sets.length;
  const visit = (from: number, chosen: number[]) => {
    best = Math.max(best, gainsInOrder(p, chosen).total);
    if (chosen.length === n) return;
    for (let c = from; c < m; c++) visit(c + 1, [...chosen, c]);
  };
  visit(0, []);
  return best;
}

/** Greedy without the lazy queue: recompute every gain every round. */
function plainGreedy(p: SitingProblem, n: number): number[] {
  const chosen: number[] = [];
  for (let round = 0; round < n; round++) {
    let best = -1;
    let bestGain = 0;
    for (let c = 0; c < p.sets.length; c++) {
      if (chosen.includes(c)) continue;
      const g = gainsInOrder(p, [...chosen, c]).total - gainsInOrder(p, chosen).total;
      if (g > bestGain) {
        best = c;
        bestGain = g;
      }
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen;
}

describe('siting new posts (maximal covering)', () => {
  it('greedy picks the most people first and reports each pick’s gain', () => {
    const p: SitingProblem = { weights: [100, 50, 50, 30, 10], sets: [[0], [1, 2], [0, 1, 3], [4]] };
    const r = greedySiting(p, 2);
    expect(r.picks).toEqual([
      { candidate: 2, gain: 180 },
      { candidate: 1, gain: 50 },
    ]);
    expect(r.total).toBe(230);
  });

  it('the lazy greedy picks what recomputing every gain picks', () => {
    fc.assert(
      fc.property(instance, ({ problem, n }) => {
        expect(greedySiting(problem, n).picks.map((x) => x.candidate)).toEqual(plainGreedy(problem, n));
      }),
      { numRuns: 300 },
    );
  });

  it('the exact solve equals brute-force enumeration', () => {
    fc.assert(
      fc.property(instance, ({ problem, n }) => {
        const exact = exactSiting(problem, n);
        expect(exact.picks.length).toBeLessThanOrEqual(n);
        expect(exact.total).toBe(
          gainsInOrder(
            problem,
            exact.picks.map((x) => x.candidate),
          ).total,
        );
        expect(exact.total).toBe(bruteForce(problem, n));
      }),
      { numRuns: 200 },
    );
  });

  it('greedy alone can fall below 0.95 × the optimum; the swap pass repairs it', () => {
    const p: SitingProblem = {
      weights: [1, 0, 1, 1, 1, 0],
      sets: [
        [0, 2],
        [2, 3],
        [4, 0],
      ],
    };
    expect(greedySiting(p, 2).total).toBe(3);
    expect(exactSiting(p, 2).total).toBe(4);
    expect(siteNewPosts(p, 2).total).toBe(4);
  });

  it('greedy + swaps reaches at least 0.95 × the exact optimum, and the online bound is above the optimum', () => {
    fc.assert(
      fc.property(instance, ({ problem, n }) => {
        const greedy = siteNewPosts(problem, n);
        expect(greedy.picks.length).toBeLessThanOrEqual(n);
        expect(new Set(greedy.picks.map((x) => x.candidate)).size).toBe(greedy.picks.length);
        const exact = exactSiting(problem, n);
        expect(greedy.total).toBeGreaterThanOrEqual(0.95 * exact.total);
        const bound = optimumUpperBound(
          problem,
          greedy.picks.map((x) => x.candidate),
          n,
        );
        expect(bound).toBeGreaterThanOrEqual(exact.total);
      }),
      { numRuns: 3000 },
    );
  });
});
