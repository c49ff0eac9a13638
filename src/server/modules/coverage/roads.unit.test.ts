import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageFromReach, indexCells, type Post } from './coverage.js';
import { aggregatePopulation, type LngLat } from './population.js';
import { metersBetween } from './reach.js';
import { buildRoadGraph, multiSourceDijkstra, nearestNode, roadAccess, roadReach } from './roads.js';

const LAT = 37.5;
const LNG = 122.1;
const at = (east: number, north: number): LngLat => [
  LNG + east / (111_320 * Math.cos((LAT * Math.PI) / 180)),
  LAT + north / 111_320,
];
const len = (a: LngLat, b: LngLat) => metersBetween(a[1], a[0], b[1], b[0]);

describe('reach along a road network', () => {
  //  A ── B ── C        A(0,0) B(400,0) C(800,0)
  //  │         │        D(0,600) E(800,600); a long way round A-D-E-C and a short one A-B-C
  //  D ─────── E
  const A = at(0, 0);
  const B = at(400, 0);
  const C = at(800, 0);
  const D = at(0, 600);
  const E = at(800, 600);
  const g = buildRoadGraph([
    [A, B, C],
    [A, D],
    [D, E, C],
  ]);
  const id = (p: LngLat) => nearestNode(g, p[1], p[0], 1)?.node as number;

  it('merges shared vertices into one node and links both ways', () => {
    expect(g.lat.length).toBe(5);
    expect(g.adjTo.length).toBe(2 * 5);
  });

  it('equals the hand-worked shortest paths, and stops at the cutoff', () => {
    const { dist, from } = multiSourceDijkstra(g, [{ node: id(A), offset: 0, post: 0 }], 5000);
    expect(dist[id(B)]).toBeCloseTo(len(A, B), 6);
    expect(dist[id(C)]).toBeCloseTo(len(A, B) + len(B, C), 6);
    expect(dist[id(D)]).toBeCloseTo(len(A, D), 6);
    // E: via D (600 + 800) or via C (800 + 600): both 1400 m
    expect(dist[id(E)]).toBeCloseTo(Math.min(len(A, D) + len(D, E), len(A, B) + len(B, C) + len(C, E)), 6);
    expect([...from]).toEqual([0, 0, 0, 0, 0]);
    const short = multiSourceDijkstra(g, [{ node: id(A), offset: 0, post: 0 }], 700);
    expect(Number.isFinite(short.dist[id(C)] as number)).toBe(false);
    expect(short.from[id(C)]).toBe(-1);
    expect(short.dist[id(D)]).toBeCloseTo(len(A, D), 6);
  });

  it('with two sources each node goes to the nearer one, offsets included', () => {
    const { dist, from } = multiSourceDijkstra(
      g,
      [
        { node: id(A), offset: 0, post: 0 },
        { node: id(E), offset: 100, post: 1 },
      ],
      5000,
    );
    expect(from[id(D)]).toBe(0); // 600 from A, 900 from E
    expect(from[id(C)]).toBe(1); // 800 from A, 700 from E
    expect(dist[id(C)]).toBeCloseTo(100 + len(E, C), 6);
  });

  it('equals Bellman–Ford on random graphs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 })), {
          minLength: 2,
          maxLength: 12,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 200, max: 5000 }),
        (points, pairs, sources, cutoff) => {
          const pts = points.map(([e, n]) => at(e, n));
          const lines = pairs.map(([a, b]) => [pts[a % pts.length] as LngLat, pts[b % pts.length] as LngLat]);
          const graph = buildRoadGraph(lines);
          const n = graph.lat.length;
          if (n === 0) return;
          const src = sources.map(([node, offset], post) => ({ node: node % n, offset, post }));
          const got = multiSourceDijkstra(graph, src, cutoff);
          const want = new Array(n).fill(Number.POSITIVE_INFINITY);
          for (const s of src) want[s.node] = Math.min(want[s.node], s.offset);
          for (let round = 0; round < n; round++) {
            for (let u = 0; u < n; u++) {
              for (let e = graph.adjStart[u] as number; e < (graph.adjStart[u + 1] as number); e++) {
                const v = graph.adjTo[e] as number;
                want[v] = Math.min(want[v], want[u] + (graph.adjLen[e] as number));
              }
            }
          }
          for (let v = 0; v < n; v++) {
            if (want[v] <= cutoff) expect(got.dist[v]).toBeCloseTo(want[v], 6);
            else expect(got.dist[v]).toBe(Number.POSITIVE_INFINITY);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('covers the cells whose road path from a post is within the walk', () => {
    const res = 10;
    const people = [A, C, D, at(0, 3000)].map((p, i) => ({
      geometry: { type: 'Point' as const, coordinates: p },
      population: 10 * (i + 1),
      community: 'x',
    }));
    const cells = aggregatePopulation(people, res);
    const index = indexCells(cells, res);
    const access = roadAccess(g, index, 150);
    const [lng, lat] = at(0, 10);
    const posts: Post[] = [{ id: 'p', lat, lng, batch: 1 }];
    // From A: C is 800 m, D 600 m; the far point has no road within 150 m.
    const r = coverageFromReach(cells, posts, roadReach(g, access, posts, 900, 150));
    const walked = (i: number) => cells[i]?.population;
    expect(r.summary.covered).toBe(10 + 20 + 30);
    expect(r.summary.uncovered.map(walked)).toEqual([40]);
    const tight = coverageFromReach(cells, posts, roadReach(g, access, posts, 700, 150));
    expect(tight.summary.covered).toBe(10 + 30);
  });
});
