import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { metersBetween } from './reach.js';
import { coverageRoads } from './schema.js';

let t: TestContext;
let centre: Client;
let keeper: Client;
let foreignKeeper: Client;

const OWN = '371002002005'; // 北门外社区, the demo keeper's community
const SIBLING = '371002002001';

const feature = (geometry: unknown) => ({ type: 'Feature', geometry, properties: {} });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

interface Report {
  population: number;
  covered: number;
  settings: { reachM: number; speedMPerMin: number; minutes: number };
  reach: { method: string; roadLines: number; walkM: number; snapM: number | null };
  sites: { lat: number; lng: number }[];
}
const report = async (client: Client, regionCode?: string): Promise<Report> => {
  const res = await client.get(`/api/v1/coverage/report${regionCode ? `?regionCode=${regionCode}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const storedRoads = async () => (await t.database.db.select().from(coverageRoads)).length;

beforeAll(async () => {
  t = await createTestApp();
  centre = await signIn(t.app, demo.centreAdmin);
  keeper = await signIn(t.app, demo.keeper);
  const fk = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] });
  foreignKeeper = await signIn(t.app, fk.phone);
});
afterAll(() => t.close());

describe('road network import', () => {
  it('reports swapped coordinates, bad geometry, out-of-district points and too many vertices; stores nothing', async () => {
    const res = await centre.post('/api/v1/coverage/roads/imports', {
      content: collection(
        feature({
          type: 'LineString',
          coordinates: [
            [122.12, 37.51],
            [122.13, 37.52],
          ],
        }),
        feature({
          type: 'LineString',
          coordinates: [
            [37.51, 122.12],
            [37.52, 122.13],
          ],
        }),
        feature({ type: 'LineString', coordinates: [[122.12, 37.51]] }),
        feature({ type: 'Point', coordinates: [122.12, 37.51] }),
        feature({
          type: 'MultiLineString',
          coordinates: [
            [
              [122.12, 37.51],
              [116.4, 39.9],
            ],
          ],
        }),
        feature({
          type: 'LineString',
          coordinates: Array.from({ length: 5001 }, (_, i) => [122.12 + i * 1e-6, 37.51]),
        }),
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ lines: 1, problemCount: 5, stored: false });
    const by = (n: number) => r.problems.find((p: { feature: number }) => p.feature === n);
    expect(by(1)).toBeUndefined();
    expect(by(2)).toMatchObject({ field: 'geometry.coordinates[0]', message: expect.stringContaining('顺序颠倒') });
    expect(by(2).messageEn).toMatch(/swapped/);
    expect(by(3).messageEn).toMatch(/at least 2 positions/);
    expect(by(4)).toMatchObject({ field: 'geometry' });
    expect(by(5)).toMatchObject({
      field: 'geometry.coordinates[0][1]',
      message: expect.stringMatching(/不在本区范围内/),
    });
    expect(by(6).messageEn).toMatch(/Too many vertices/);
    expect(await storedRoads()).toBe(0);
    expect((await report(centre)).reach.method).toBe('straight');

    const notJson = await centre.post('/api/v1/coverage/roads/imports', { content: '{nope' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.details[0]).toMatchObject({ field: 'body.content' });
  });

  it('another community’s keeper can neither import nor clear roads for a community outside their scope', async () => {
    const content = collection(
      feature({
        type: 'LineString',
        coordinates: [
          [122.12, 37.51],
          [122.13, 37.52],
        ],
      }),
    );
    const imp = await foreignKeeper.post('/api/v1/coverage/roads/imports', { regionCode: OWN, content });
    expect(imp.statusCode).toBe(404);
    const clear = await foreignKeeper.request({ method: 'DELETE', url: `/api/v1/coverage/roads?regionCode=${OWN}` });
    expect(clear.statusCode).toBe(404);
    expect(await storedRoads()).toBe(0);
  });
});

describe('reach along the road network', () => {
  it('covers the cell a road leads to beyond the straight circle, and not the one only a long detour reaches', async () => {
    const before = await report(centre);
    // The most isolated site: the hand-made network around it is out of every other site's reach.
    const isolation = (s: { lat: number; lng: number }) =>
      Math.min(...before.sites.filter((o) => o !== s).map((o) => metersBetween(s.lat, s.lng, o.lat, o.lng)));
    const site = before.sites.reduce((a, b) => (isolation(b) > isolation(a) ? b : a));
    const isolatedBy = isolation(site);
    const walkM = before.settings.speedMPerMin * before.settings.minutes; // 1200 m
    const straightM = before.settings.reachM; // ≈ 923 m
    expect(isolatedBy).toBeGreaterThan(walkM + straightM + 300);
    const M_LAT = 111_195;
    const at = (east: number, north: number): [number, number] => [
      site.lng + east / (M_LAT * Math.cos((site.lat * Math.PI) / 180)),
      site.lat + north / M_LAT,
    ];
    // East: a straight road of 1000 m (beyond the straight circle, within the walk).
    // North: 600 m away in a straight line, but the road there is a 2000 m detour via the west.
    const east = at(1000, 0);
    const north = at(0, 600);
    const content = collection(
      feature({ type: 'LineString', coordinates: [at(0, 0), at(500, 0), east] }),
      feature({
        type: 'MultiLineString',
        coordinates: [
          [at(0, 0), at(-700, 0), at(-700, 600)],
          [at(-700, 600), north],
        ],
      }),
    );
    const people = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: east },
          properties: { population: 100, community: OWN },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: north },
          properties: { population: 30, community: OWN },
        },
      ],
    });
    const imported = await keeper.post('/api/v1/coverage/population/imports', { format: 'geojson', content: people });
    expect(imported.json().stored, imported.body).toBe(true);

    // Straight lines: only the northern people are within reach (600 m + at most a cell's radius < 923 m).
    const straight = await report(centre, OWN);
    expect(straight.reach).toMatchObject({ method: 'straight', roadLines: 0 });
    expect(straight.population).toBe(130);
    expect(straight.covered).toBe(30);

    const dry = await keeper.post('/api/v1/coverage/roads/imports', { content, dryRun: true });
    expect(dry.json()).toMatchObject({ lines: 3, vertices: 8, problemCount: 0, stored: false });
    expect(await storedRoads()).toBe(0);
    const res = await keeper.post('/api/v1/coverage/roads/imports', { content });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ regionCode: OWN, lines: 3, stored: true });

    // Along the roads: east is 1000 m (+ the cell centre's snap) ≤ 1200 m; north is 2000 m > 1200 m.
    const roads = await report(centre, OWN);
    expect(roads.reach).toMatchObject({ method: 'roads', roadLines: 3, walkM, snapM: expect.any(Number) });
    expect(roads.population).toBe(130);
    expect(roads.covered).toBe(100);
    expect(await report(keeper)).toMatchObject({ covered: 100, reach: { method: 'roads' } });

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'coverage_roads.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toEqual({ lines: 3, vertices: 8 });

    // Cleared, the report returns to straight lines (and a fresh cache entry).
    const cleared = await keeper.request({ method: 'DELETE', url: '/api/v1/coverage/roads' });
    expect(cleared.json()).toEqual({ regionCode: OWN, removed: 3 });
    expect(await report(centre, OWN)).toMatchObject({ covered: 30, reach: { method: 'straight' } });
  });
});
