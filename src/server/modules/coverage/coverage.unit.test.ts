import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { indexCells, type Post, straightCoverage } from './coverage.js';
import { aggregatePopulation, type PopulationCell, type PopulationFeature } from './population.js';
import { DEFAULT_REACH, metersBetween, straightReachMeters } from './reach.js';

const RES = 10;
const LAT = 37.5;
const LNG = 122.1;
/** A point `east` and `north` metres from the district's origin. */
const at = (east: number, north: number): [number, number] => [
  LNG + east / (111_320 * Math.cos((LAT * Math.PI) / 180)),
  LAT + north / 111_320,
];
const point = (east: number, north: number, population: number, community: string): PopulationFeature => ({
  geometry: { type: 'Point', coordinates: at(east, north) },
  population,
  community,
});
const post = (id: string, east: number, north: number, batch: number | null): Post => {
  const [lng, lat] = at(east, north);
  return { id, lat, lng, batch };
};

/** The definition, checked cell by cell against every post. */
function bruteForce(cells: PopulationCell[], posts: Post[], reachM: number) {
  let covered = 0;
  const perCommunity = new Map<string, [number, number]>();
  for (const c of cells) {
    const hit = posts.some((p) => metersBetween(p.lat, p.lng, c.lat, c.lng) <= reachM);
    const row = perCommunity.get(c.community) ?? [0, 0];
    row[0] += c.population;
    if (hit) {
      covered += c.population;
      row[1] += c.population;
    }
    perCommunity.set(c.community, row);
  }
  return { covered, perCommunity };
}

describe('straight-line reach', () => {
  it('is speed × 15 min ÷ detour factor', () => {
    expect(straightReachMeters(DEFAULT_REACH)).toBeCloseTo((80 * 15) / 1.3, 9);
    expect(straightReachMeters({ speedMPerMin: 60, detourFactor: 1 })).toBe(900);
  });
});

describe('population on H3 cells', () => {
  it('keeps every person: points add up per cell and community, polygons spread over their cells', () => {
    const square: PopulationFeature = {
      geometry: {
        type: 'Polygon',
        coordinates: [[at(0, 0), at(1000, 0), at(1000, 1000), at(0, 1000), at(0, 0)]],
      },
      population: 1001,
      community: 'B',
    };
    const cells = aggregatePopulation([point(10, 10, 5, 'A'), point(12, 11, 7, 'A'), square], RES);
    const a = cells.filter((c) => c.community === 'A');
    expect(a).toHaveLength(1);
    expect(a[0]?.population).toBe(12);
    const b = cells.filter((c) => c.community === 'B');
    expect(b.length).toBeGreaterThan(50); // 1 km² over ~0.015 km² cells
    expect(b.reduce((s, c) => s + c.population, 0)).toBe(1001);
    expect(Math.max(...b.map((c) => c.population)) - Math.min(...b.map((c) => c.population))).toBeLessThanOrEqual(1);
  });

  it('puts a polygon smaller than a cell into the cell of its centroid', () => {
    const tiny: PopulationFeature = {
      geometry: { type: 'Polygon', coordinates: [[at(0, 0), at(4, 0), at(4, 4), at(0, 4), at(0, 0)]] },
      population: 3,
      community: 'A',
    };
    const [lng, lat] = at(2, 2);
    expect(aggregatePopulation([tiny], RES)).toMatchObject([{ cell: latLngToCell(lat, lng, RES), population: 3 }]);
  });
});

describe('coverage of a hand-made district', () => {
  // Three communities on a 4 km strip; reach 923 m.
  const features = [
    point(0, 0, 100, 'west'),
    point(500, 300, 50, 'west'),
    point(1500, 0, 80, 'middle'),
    point(2000, 0, 70, 'middle'),
    point(3500, 0, 200, 'east'),
    point(5000, 800, 30, 'east'),
  ];
  const cells = aggregatePopulation(features, RES);
  const reach = straightReachMeters(DEFAULT_REACH);
  const posts = [post('pilot', 100, 0, 1), post('station', 1800, 0, null), post('b2', 3600, 50, 2)];

  it('matches the hand count: everyone but the far corner is covered', () => {
    const r = straightCoverage(indexCells(cells, RES), posts, reach);
    expect(r.summary.population).toBe(530);
    expect(r.summary.covered).toBe(500);
    expect(r.summary.communities).toEqual([
      { community: 'east', population: 230, covered: 200, share: 200 / 230 },
      { community: 'middle', population: 150, covered: 150, share: 1 },
      { community: 'west', population: 150, covered: 150, share: 1 },
    ]);
    expect(r.summary.uncovered.map((i) => cells[i]?.population)).toEqual([30]);
    expect(r.byBatch.map((b) => [b.batch, b.posts, b.covered])).toEqual([
      [null, 1, 150],
      [1, 2, 300],
      [2, 3, 500],
    ]);
  });

  it('equals brute force on random districts, posts and reaches', () => {
    const feature = fc
      .record({
        e: fc.integer({ min: 0, max: 6000 }),
        n: fc.integer({ min: 0, max: 6000 }),
        people: fc.integer({ min: 1, max: 300 }),
        community: fc.constantFrom('a', 'b', 'c'),
      })
      .map((f) => point(f.e, f.n, f.people, f.community));
    const site = fc
      .record({ e: fc.integer({ min: -500, max: 6500 }), n: fc.integer({ min: -500, max: 6500 }) })
      .map((s) => post(`p${s.e},${s.n}`, s.e, s.n, 1));
    fc.assert(
      fc.property(
        fc.array(feature, { minLength: 1, maxLength: 60 }),
        fc.array(site, { maxLength: 8 }),
        fc.integer({ min: 100, max: 2500 }),
        fc.constantFrom(8, 9, 10),
        (fs, ps, reachM, res) => {
          const cs = aggregatePopulation(fs, res);
          const r = straightCoverage(indexCells(cs, res), ps, reachM);
          const expected = bruteForce(cs, ps, reachM);
          expect(r.summary.covered).toBe(expected.covered);
          for (const row of r.summary.communities) {
            expect([row.population, row.covered]).toEqual(expected.perCommunity.get(row.community));
          }
          expect(r.byBatch.at(-1)?.covered ?? 0).toBe(ps.length > 0 ? expected.covered : 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
