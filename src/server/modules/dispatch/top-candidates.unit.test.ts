import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFeasible, prepareOrder, prepareVolunteer } from './constraints.js';
import { breakdownOf, DEFAULT_WALK_FACTOR, greatCircleKm, resolveWeights, weightedCost } from './cost.js';
import {
  buildDispatchIndex,
  type DispatchOrder,
  type DispatchVolunteer,
  formatReasons,
  topCandidates,
} from './index.js';
import type { DispatchWeights } from './types.js';

/** mulberry32: the same instance for the same seed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SKILLS = ['haircut', 'first_aid', 'legal', 'tutoring'];
const STREETS = ['371002001', '371002002', '371002003'];

function randomVolunteers(
  next: () => number,
  n: number,
  spreadKm: number,
  skills: readonly string[] = SKILLS,
): DispatchVolunteer[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => ({
    id: `v${i}`,
    userId: `u${i}`,
    // Coarse positions so that equal distances (ties) happen.
    lat: 37.5 + (Math.round((next() - 0.5) * 20) / 20) * (spreadKm / 111),
    lng: 122.1 + (Math.round((next() - 0.5) * 20) / 20) * (spreadKm / 88),
    skills: skills.filter(() => next() < 0.5),
    serviceAreas: next() < 0.2 ? ['371002'] : [pick(STREETS)],
    availability: [{ weekday: 1 + Math.floor(next() * 7), startMinute: 480, endMinute: 1200 }],
    openTasks: Math.floor(next() * 3),
    capacity: 1 + Math.floor(next() * 3),
    rating: next() < 0.3 ? null : Math.round(next() * 50) / 10,
    recentServices: Math.floor(next() * 12),
    blockedUserIds: next() < 0.05 ? ['resident'] : undefined,
  }));
}

function randomOrder(next: () => number, spreadKm: number, skills: readonly string[] = SKILLS): DispatchOrder {
  // 10:00 on a random day of the week from Monday 2026-11-30.
  const start = new Date(Date.parse('2026-11-30T10:00:00+08:00') + Math.floor(next() * 7) * 86_400_000);
  return {
    id: 'o',
    lat: 37.5 + (next() - 0.5) * (spreadKm / 111),
    lng: 122.1 + (next() - 0.5) * (spreadKm / 88),
    requiredSkills: skills.filter(() => next() < 0.25 * (4 / skills.length)),
    preferredSkills: skills.filter(() => next() < 0.3 * (4 / skills.length)),
    regionCode: `${STREETS[Math.floor(next() * STREETS.length)]}00${1 + Math.floor(next() * 5)}`,
    window: { start, end: new Date(start.getTime() + 3_600_000) },
    ordererUserId: next() < 0.1 ? 'u0' : 'resident',
  };
}

/** Scan everyone: the reference top k. */
function bruteForce(volunteers: DispatchVolunteer[], order: DispatchOrder, k: number, weights: DispatchWeights) {
  const o = prepareOrder(order);
  return volunteers
    .map((v, position) => ({ v, position }))
    .filter(({ v }) => isFeasible(prepareVolunteer(v), o))
    .map(({ v, position }) => {
      const gc = greatCircleKm(order.lat, order.lng, v.lat, v.lng);
      return { position, cost: weightedCost(breakdownOf(v, order, gc, DEFAULT_WALK_FACTOR), weights) };
    })
    .sort((a, b) => a.cost - b.cost || a.position - b.position)
    .slice(0, k);
}

describe('top candidates', () => {
  it('equals a scan of every volunteer on random instances', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(0.5, 3, 20, 400),
        fc.record({
          distance: fc.constantFrom(0, 0.2, 1, 5),
          skill: fc.constantFrom(0, 2),
          rating: fc.constantFrom(0, 1, 3),
          fairness: fc.constantFrom(0, 1.5, 10),
        }),
        (seed, n, k, spreadKm, w) => {
          const next = rng(seed);
          const volunteers = randomVolunteers(next, n, spreadKm);
          const index = buildDispatchIndex(volunteers);
          const order = randomOrder(next, spreadKm);
          const weights = resolveWeights(w);
          const got = topCandidates(index, order, { k, weights: w });
          const want = bruteForce(volunteers, order, k, weights);
          expect(got.map((c) => c.position)).toEqual(want.map((c) => c.position));
          expect(got.map((c) => c.cost)).toEqual(want.map((c) => c.cost));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals a scan when more than 32 skill codes share the index’s last skill bit', () => {
    const many = Array.from({ length: 40 }, (_, i) => `skill${i}`);
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 20 }), (seed, n, k) => {
        const next = rng(seed);
        const volunteers = randomVolunteers(next, n, 3, many);
        const order = { ...randomOrder(next, 3, many), preferredSkills: many.slice(28).filter(() => next() < 0.3) };
        const got = topCandidates(buildDispatchIndex(volunteers), order, { k });
        const want = bruteForce(volunteers, order, k, resolveWeights());
        expect(got.map((c) => c.position)).toEqual(want.map((c) => c.position));
        expect(got.map((c) => c.cost)).toEqual(want.map((c) => c.cost));
      }),
      { numRuns: 200 },
    );
  });

  it('equals a scan under every hard constraint: slots across midnight, several areas, shared user ids, blocks', () => {
    const areas = ['', '37', '371002', ...STREETS, '371002002003', '371002003001', '371003'];
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 250 }), fc.integer({ min: 1, max: 25 }), (seed, n, k) => {
        const next = rng(seed);
        const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
        const users = ['u0', 'u1', 'u2', 'resident', 'neighbour'];
        const volunteers = randomVolunteers(next, n, 3).map((v, i) => ({
          ...v,
          // A few volunteers share a user id (one person, two profiles), some are the orderer.
          userId: next() < 0.1 ? pick(users) : `u${i}`,
          serviceAreas: Array.from({ length: Math.floor(next() * 3) }, () => pick(areas)),
          availability: Array.from({ length: Math.floor(next() * 3) }, () => ({
            weekday: Math.floor(next() * 8),
            startMinute: Math.floor(next() * 1440),
            endMinute: 1 + Math.floor(next() * 1440),
          })),
          blockedUserIds: next() < 0.1 ? [pick(users)] : undefined,
        }));
        const start = new Date(Date.parse('2026-11-30T00:00:00+08:00') + Math.floor(next() * 7 * 1440) * 60_000);
        const order: DispatchOrder = {
          ...randomOrder(next, 3),
          regionCode: pick(['371002002003', '371002003001', '371002001002']),
          window: { start, end: new Date(start.getTime() + (1 + Math.floor(next() * 600)) * 60_000) },
          ordererUserId: pick(users),
          blockedUserIds: next() < 0.5 ? [pick(users), pick(users)] : undefined,
        };
        const got = topCandidates(buildDispatchIndex(volunteers), order, { k });
        const want = bruteForce(volunteers, order, k, resolveWeights());
        expect(got.map((c) => c.position)).toEqual(want.map((c) => c.position));
        expect(got.map((c) => c.cost)).toEqual(want.map((c) => c.cost));
      }),
      { numRuns: 300 },
    );
  });

  it('equals a scan through the partitions by hour, skill and area (bit sets over many words), with either area rule', () => {
    // Enough volunteers for bit sets of many words and subtrees across word edges; hours, skills and areas rare
    // enough that whole subtrees hold no possible candidate; a window of minutes inside an hour, or across days.
    const areas = ['371002', '371002001', '371002002', '371002001001', '371002001002', '371002002001', '371003'];
    const bySuffix = (area: string, regionCode: string) => regionCode.endsWith(area.slice(-3));
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        (seed, n, k, ownRule) => {
          const next = rng(seed);
          const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
          const volunteers = randomVolunteers(next, n, 4).map((v) => ({
            ...v,
            skills: SKILLS.filter(() => next() < 0.15),
            serviceAreas: Array.from({ length: Math.floor(next() * 3) }, () => pick(areas)),
            availability: Array.from({ length: Math.floor(next() * 3) }, () => {
              const startMinute = Math.floor(next() * 1440);
              return {
                weekday: 1 + Math.floor(next() * 7),
                startMinute,
                endMinute: startMinute + 1 + Math.floor(next() * 180),
              };
            }),
          }));
          const start = new Date(Date.parse('2026-11-30T00:00:00+08:00') + Math.floor(next() * 7 * 1440) * 60_000);
          const order: DispatchOrder = {
            ...randomOrder(next, 4),
            regionCode: pick(['371002001001', '371002001002', '371002002001', '371003001001']),
            window: {
              start,
              end: new Date(start.getTime() + (1 + Math.floor(next() * (next() < 0.8 ? 60 : 3000))) * 60_000),
            },
          };
          const settings = ownRule ? { areaMatches: bySuffix } : {};
          const got = topCandidates(buildDispatchIndex(volunteers), order, { k, ...settings });
          const o = prepareOrder(order, settings);
          const want = volunteers
            .map((v, position) => ({ v, position }))
            .filter(({ v }) => isFeasible(prepareVolunteer(v), o))
            .map(({ v, position }) => ({
              position,
              cost: weightedCost(
                breakdownOf(v, order, greatCircleKm(order.lat, order.lng, v.lat, v.lng), DEFAULT_WALK_FACTOR),
                resolveWeights(),
              ),
            }))
            .sort((a, b) => a.cost - b.cost || a.position - b.position)
            .slice(0, k);
          expect(got.map((c) => c.position)).toEqual(want.map((c) => c.position));
          expect(got.map((c) => c.cost)).toEqual(want.map((c) => c.cost));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('ranks by weighted cost and explains each candidate', () => {
    const base: Omit<DispatchVolunteer, 'id' | 'userId' | 'lat' | 'lng'> = {
      skills: ['haircut', 'first_aid'],
      serviceAreas: ['371002002'],
      availability: [{ weekday: 3, startMinute: 0, endMinute: 1440 }],
      openTasks: 0,
      capacity: 1,
      rating: 5,
      recentServices: 0,
    };
    const km = 1 / 111.2; // about a kilometre of latitude
    const volunteers: DispatchVolunteer[] = [
      { ...base, id: 'near-busy', userId: 'a', lat: 37.5 + 0.5 * km, lng: 122.1, recentServices: 10 },
      { ...base, id: 'far', userId: 'b', lat: 37.5 + 2.5 * km, lng: 122.1 },
      { ...base, id: 'mid', userId: 'c', lat: 37.5 + 0.9 * km, lng: 122.1, recentServices: 2, openTasks: 0 },
      { ...base, id: 'full', userId: 'd', lat: 37.5, lng: 122.1, openTasks: 1 },
    ];
    const order: DispatchOrder = {
      id: 'o',
      lat: 37.5,
      lng: 122.1,
      requiredSkills: ['haircut'],
      regionCode: '371002002005',
      window: { start: new Date('2026-12-02T10:00:00+08:00'), end: new Date('2026-12-02T11:00:00+08:00') },
      ordererUserId: 'resident',
    };
    const got = topCandidates(buildDispatchIndex(volunteers), order, { k: 5, weights: { fairness: 2 } });
    // mid: 1.17 km + 2 × 0.2 load; near-busy: 0.65 km + 2 × 1.0; far: 3.25 km; full has no room.
    expect(got.map((c) => c.volunteerId)).toEqual(['mid', 'near-busy', 'far']);
    const mid = got[0]!;
    expect(mid.scaledCost).toBe(Math.round(mid.cost * 1000));
    expect(mid.breakdown.load).toBeCloseTo(0.2);
    const names: Record<string, [string, string]> = { haircut: ['理发', 'haircut'] };
    const name = (code: string, locale: string) => names[code]?.[locale === 'en' ? 1 : 0];
    expect(formatReasons(mid.reasons, 'zh-CN', name)).toBe('1.2 km · 理发 · 近 30 天已服务 2 次 · 评分 5.0');
    expect(formatReasons(mid.reasons, 'en', name)).toBe(
      '1.2 km · haircut · served 2 times in the last 30 days · rated 5.0',
    );
  });

  it('returns fewer than k when fewer are feasible, and nothing from an empty index', () => {
    const next = rng(7);
    const volunteers = randomVolunteers(next, 50, 5);
    const order = { ...randomOrder(next, 5), requiredSkills: SKILLS };
    const want = bruteForce(volunteers, order, 100, resolveWeights());
    expect(want.length).toBeLessThan(50);
    expect(topCandidates(buildDispatchIndex(volunteers), order, { k: 100 }).map((c) => c.position)).toEqual(
      want.map((c) => c.position),
    );
    expect(topCandidates(buildDispatchIndex([]), order)).toEqual([]);
  });

  it('rejects negative weights', () => {
    expect(() => topCandidates(buildDispatchIndex([]), randomOrder(rng(1), 1), { weights: { rating: -1 } })).toThrow(
      RangeError,
    );
  });
});
