import fc from 'fast-check';
import highsModule from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFeasible, prepareOrder, prepareVolunteer } from './constraints.js';
import { breakdownOf, DEFAULT_WALK_FACTOR, greatCircleKm, resolveWeights, scaleCost, weightedCost } from './cost.js';
import {
  batchAssign,
  buildDispatchIndex,
  type DispatchOrder,
  type DispatchVolunteer,
  defaultPenalty,
  solveTransport,
  solveTransportWithHighs,
  type TransportProblem,
  type TransportSolution,
} from './index.js';

// highs ships CommonJS types beside the ES build Node loads: the types put the loader one level down.
const loadHighs = highsModule as unknown as (typeof highsModule)['default'];
type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Orders' options as lists of [volunteer, cost]. */
function problemOf(lists: [number, number][][], capacity: number[], unassignedPenalty?: number): TransportProblem {
  const arcStart = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => {
    arcStart[i + 1] = (arcStart[i] as number) + list.length;
  });
  const flat = lists.flat();
  return {
    arcStart,
    arcVolunteer: Int32Array.from(flat.map(([v]) => v)),
    arcCost: Float64Array.from(flat.map(([, c]) => c)),
    capacity: Int32Array.from(capacity),
    unassignedPenalty,
  };
}

/** Every way of choosing one arc or none per order: the exact optimum of cost + penalty × unassigned. */
function bruteForce(p: TransportProblem): { objective: number; assigned: number; cost: number } {
  const n = p.arcStart.length - 1;
  const penalty = p.unassignedPenalty ?? defaultPenalty(p);
  const load = new Int32Array(p.capacity.length);
  let best = { objective: Number.POSITIVE_INFINITY, assigned: 0, cost: 0 };
  const visit = (i: number, assigned: number, cost: number) => {
    if (i === n) {
      const objective = cost + penalty * (n - assigned);
      if (objective < best.objective) best = { objective, assigned, cost };
      return;
    }
    visit(i + 1, assigned, cost);
    for (let a = p.arcStart[i] as number; a < (p.arcStart[i + 1] as number); a++) {
      const v = p.arcVolunteer[a] as number;
      if ((load[v] as number) >= (p.capacity[v] as number)) continue;
      load[v] = (load[v] as number) + 1;
      visit(i + 1, assigned + 1, cost + (p.arcCost[a] as number));
      load[v] = (load[v] as number) - 1;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** The solution uses only given arcs, one per order at most, within capacities, and adds up. */
function expectValid(p: TransportProblem, s: TransportSolution): void {
  const load = new Int32Array(p.capacity.length);
  let assigned = 0;
  let cost = 0;
  s.arcOf.forEach((a, i) => {
    if (a < 0) return;
    expect(a).toBeGreaterThanOrEqual(p.arcStart[i] as number);
    expect(a).toBeLessThan(p.arcStart[i + 1] as number);
    const v = p.arcVolunteer[a] as number;
    load[v] = (load[v] as number) + 1;
    assigned++;
    cost += p.arcCost[a] as number;
  });
  load.forEach((l, v) => {
    expect(l).toBeLessThanOrEqual(p.capacity[v] as number);
  });
  expect([s.assigned, s.cost]).toEqual([assigned, cost]);
}

const smallProblem = fc
  .record({ volunteers: fc.integer({ min: 1, max: 5 }), orders: fc.integer({ min: 0, max: 7 }) })
  .chain(({ volunteers, orders }) =>
    fc.record({
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: volunteers, maxLength: volunteers }),
      lists: fc.array(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: volunteers - 1 }), fc.integer({ min: 0, max: 12 })), {
          maxLength: 4,
          selector: ([v]) => v,
        }),
        { minLength: orders, maxLength: orders },
      ),
      penalty: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
    }),
  );

describe('batch assignment (min-cost flow)', () => {
  it('equals the brute-force optimum on random small instances', () => {
    fc.assert(
      fc.property(smallProblem, ({ capacity, lists, penalty }) => {
        const p = problemOf(lists, capacity, penalty);
        const got = solveTransport(p);
        expectValid(p, got);
        const want = bruteForce(p);
        const usedPenalty = penalty ?? defaultPenalty(p);
        expect(got.cost + usedPenalty * (lists.length - got.assigned)).toBe(want.objective);
        if (penalty === undefined) expect([got.assigned, got.cost]).toEqual([want.assigned, want.cost]);
      }),
      { numRuns: 1000 },
    );
  });

  it('equals the HiGHS LP optimum on random medium instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 }), (seed) => {
        const next = mulberry32(seed);
        const m = 60;
        const lists = Array.from({ length: 120 }, () => {
          const seen = new Set<number>();
          const list: [number, number][] = [];
          for (let j = 0; j < 8; j++) {
            const v = Math.floor(next() * m);
            if (!seen.has(v)) list.push([v, Math.floor(next() * 5000)]);
            seen.add(v);
          }
          return list;
        });
        const capacity = Array.from({ length: m }, () => Math.floor(next() * 3));
        const p = problemOf(lists, capacity);
        const got = solveTransport(p);
        expectValid(p, got);
        const want = solveTransportWithHighs(highs, p);
        expectValid(p, want);
        expect([got.assigned, got.cost]).toEqual([want.assigned, want.cost]);
      }),
      { numRuns: 20 },
    );
  });

  it('rejects costs the solver cannot take', () => {
    expect(() => solveTransport(problemOf([[[0, 1.5]]], [1]))).toThrow(RangeError);
    expect(() => solveTransport(problemOf([[[0, -1]]], [1]))).toThrow(RangeError);
    expect(() => solveTransport(problemOf([[[3, 1]]], [1]))).toThrow(RangeError);
  });

  it('prefers assigning more orders to a cheaper total', () => {
    // Order 0 alone would take volunteer 0 (cost 1); both get served only if order 0 takes volunteer 1 (cost 100).
    const p = problemOf(
      [
        [
          [0, 1],
          [1, 100],
        ],
        [[0, 1]],
      ],
      [1, 1],
    );
    const got = solveTransport(p);
    expect([...got.arcOf]).toEqual([1, 2]);
    expect([got.assigned, got.cost]).toEqual([2, 101]);
  });
});

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('batchAssign', () => {
  const SKILLS = ['haircut', 'first_aid'];
  function instance(seed: number) {
    const next = mulberry32(seed);
    const start = new Date('2026-12-02T10:00:00+08:00');
    const volunteers: DispatchVolunteer[] = Array.from({ length: 5 }, (_, i) => ({
      id: `v${i}`,
      userId: `u${i}`,
      lat: 37.5 + (next() - 0.5) * 0.03,
      lng: 122.1 + (next() - 0.5) * 0.03,
      skills: SKILLS.filter(() => next() < 0.7),
      serviceAreas: [next() < 0.8 ? '371002002' : '371002003'],
      availability: [{ weekday: 3, startMinute: 0, endMinute: 1440 }],
      openTasks: Math.floor(next() * 2),
      capacity: 1 + Math.floor(next() * 2),
      rating: Math.round(next() * 50) / 10,
      recentServices: Math.floor(next() * 10),
    }));
    const orders: DispatchOrder[] = Array.from({ length: 6 }, (_, i) => ({
      id: `o${i}`,
      lat: 37.5 + (next() - 0.5) * 0.03,
      lng: 122.1 + (next() - 0.5) * 0.03,
      requiredSkills: SKILLS.filter(() => next() < 0.3),
      regionCode: '371002002001',
      window: { start, end: new Date(start.getTime() + 3_600_000) },
      ordererUserId: next() < 0.2 ? 'u0' : 'resident',
    }));
    return { volunteers, orders };
  }

  it('equals the brute-force optimum over every feasible pair on random small instances', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { volunteers, orders } = instance(seed);
        const weights = resolveWeights();
        const lists = orders.map((order) => {
          const o = prepareOrder(order);
          return volunteers.flatMap((v, position): [number, number][] => {
            if (!isFeasible(prepareVolunteer(v), o)) return [];
            const gc = greatCircleKm(order.lat, order.lng, v.lat, v.lng);
            return [[position, scaleCost(weightedCost(breakdownOf(v, order, gc, DEFAULT_WALK_FACTOR), weights))]];
          });
        });
        const want = bruteForce(
          problemOf(
            lists,
            volunteers.map((v) => v.capacity - v.openTasks),
          ),
        );
        const got = batchAssign(buildDispatchIndex(volunteers), orders);
        expect([got.assignments.length, got.totalScaledCost]).toEqual([want.assigned, want.cost]);
        expect(got.assignments.length + got.unassigned.length).toBe(orders.length);
        for (const { orderId, candidate } of got.assignments) {
          const i = orders.findIndex((o) => o.id === orderId);
          expect(lists[i]?.some(([position]) => position === candidate.position)).toBe(true);
        }
        for (const u of got.unassigned) {
          const i = orders.findIndex((o) => o.id === u.orderId);
          expect(u.reason).toBe(lists[i]?.length === 0 ? 'no-candidates' : 'no-capacity');
        }
        const perVolunteer = new Map<string, number>();
        for (const { candidate } of got.assignments) {
          perVolunteer.set(candidate.volunteerId, (perVolunteer.get(candidate.volunteerId) ?? 0) + 1);
        }
        for (const v of volunteers) expect(perVolunteer.get(v.id) ?? 0).toBeLessThanOrEqual(v.capacity - v.openTasks);
      }),
      { numRuns: 300 },
    );
  });
});
