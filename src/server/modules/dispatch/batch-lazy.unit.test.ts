import fc from 'fast-check';
import highsModule from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../bench/dispatch-instance.js';
import {
  batchAssign,
  buildBatchProblem,
  buildDispatchIndex,
  type DispatchOrder,
  type DispatchVolunteer,
  solveTransport,
  solveTransportWithHighs,
  type TransportProblem,
} from './index.js';

// highs ships CommonJS types beside the ES build Node loads: the types put the loader one level down.
const loadHighs = highsModule as unknown as (typeof highsModule)['default'];
let highs: Awaited<ReturnType<typeof loadHighs>>;
beforeAll(async () => {
  highs = await loadHighs();
});

/** More orders than room, clustered so that they compete for the same nearby volunteers. */
function crowdedInstance(seed: number) {
  const next = mulberry32(seed);
  const start = new Date('2026-12-02T10:00:00+08:00');
  const volunteers: DispatchVolunteer[] = Array.from({ length: 40 }, (_, i) => ({
    id: `v${i}`,
    userId: `u${i}`,
    lat: 37.5 + (next() - 0.5) * 0.04,
    lng: 122.1 + (next() - 0.5) * 0.04,
    skills: next() < 0.6 ? ['first_aid'] : [],
    serviceAreas: [next() < 0.7 ? '371002' : '371002003'],
    availability: [{ weekday: 3, startMinute: 0, endMinute: 1440 }],
    openTasks: 0,
    capacity: next() < 0.3 ? 0 : 1 + Math.floor(next() * 2),
    rating: next() < 0.3 ? null : 3 + Math.round(next() * 20) / 10,
    recentServices: Math.floor(next() * 12),
  }));
  const orders: DispatchOrder[] = Array.from({ length: 10 + Math.floor(next() * 40) }, (_, i) => ({
    id: `o${i}`,
    lat: 37.5 + (next() - 0.5) * 0.01,
    lng: 122.1 + (next() - 0.5) * 0.01,
    requiredSkills: next() < 0.3 ? ['first_aid'] : [],
    preferredSkills: next() < 0.3 ? ['first_aid'] : [],
    regionCode: next() < 0.5 ? '371002003001' : '371002002001',
    window: { start, end: new Date(start.getTime() + 3_600_000) },
    ordererUserId: 'resident',
  }));
  return { volunteers, orders };
}

/** Reduced cost of an arc from order i to volunteer column v under the solver's potentials. */
const reduced = (p: TransportProblem, potential: Float64Array, a: number, i: number) =>
  (p.arcCost[a] as number) +
  (potential[i] as number) -
  (potential[p.arcStart.length - 1 + (p.arcVolunteer[a] as number)] as number);

describe('batch assignment from short candidate lists', () => {
  it('equals the min-cost flow and HiGHS over the full lists, whatever the first list length', () => {
    let shortListsWorse = 0;
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 12 }), (seed, k, first) => {
        const { volunteers, orders } = crowdedInstance(seed);
        const index = buildDispatchIndex(volunteers);
        const full = buildBatchProblem(index, orders, { candidatesPerOrder: k }).problem;
        const want = solveTransport(full);
        expect([want.assigned, want.cost]).toEqual(
          (({ assigned, cost }) => [assigned, cost])(solveTransportWithHighs(highs, full)),
        );
        const got = batchAssign(index, orders, { candidatesPerOrder: k, firstCandidates: first });
        expect([got.assignments.length, got.totalScaledCost]).toEqual([want.assigned, want.cost]);
        // Each assignment is one of the order's k cheapest, within the volunteer's room.
        const positions = buildBatchProblem(index, orders, { candidatesPerOrder: k });
        for (const { orderId, candidate } of got.assignments) {
          const i = orders.findIndex((o) => o.id === orderId);
          const arcs = positions.arcPosition.subarray(full.arcStart[i], full.arcStart[i + 1]);
          expect([...arcs]).toContain(candidate.position);
        }
        const load = new Map<number, number>();
        for (const { candidate } of got.assignments)
          load.set(candidate.position, (load.get(candidate.position) ?? 0) + 1);
        for (const [position, count] of load) expect(count).toBeLessThanOrEqual(volunteers[position]?.capacity ?? 0);
        // The short lists alone would have been worse in some instances: the lengthening is exercised.
        const short = solveTransport(
          buildBatchProblem(index, orders, { candidatesPerOrder: Math.min(k, first) }).problem,
        );
        if (short.assigned < want.assigned || short.cost > want.cost) shortListsWorse++;
      }),
      { numRuns: 150 },
    );
    expect(shortListsWorse).toBeGreaterThan(5);
  });
});

describe('min-cost flow potentials', () => {
  it('leave every residual arc a non-negative reduced cost, volunteers ≤ 0 and 0 while they have room', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { volunteers, orders } = crowdedInstance(seed);
        const p = buildBatchProblem(buildDispatchIndex(volunteers), orders, { candidatesPerOrder: 6 }).problem;
        const n = p.arcStart.length - 1;
        const s = solveTransport(p);
        const load = new Int32Array(p.capacity.length);
        for (let i = 0; i < n; i++) {
          const own = s.arcOf[i] as number;
          if (own >= 0) {
            const v = p.arcVolunteer[own] as number;
            load[v] = (load[v] as number) + 1;
          }
          for (let a = p.arcStart[i] as number; a < (p.arcStart[i + 1] as number); a++) {
            // A free arc may be taken (≥ 0); the taken one may be given back (≤ 0).
            if (a === own) expect(reduced(p, s.potential, a, i)).toBeLessThanOrEqual(0);
            else expect(reduced(p, s.potential, a, i)).toBeGreaterThanOrEqual(0);
          }
        }
        p.capacity.forEach((capacity, v) => {
          const potential = s.potential[n + v] as number;
          expect(potential).toBeLessThanOrEqual(0);
          if ((load[v] as number) < capacity) expect(potential).toBe(0);
        });
      }),
      { numRuns: 200 },
    );
  });
});
