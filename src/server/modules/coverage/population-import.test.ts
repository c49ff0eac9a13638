import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';

let t: TestContext;
let centre: Client;
let keeper: Client;
let foreignKeeper: Client;

const OWN = '371002002005'; // 北门外社区, the demo keeper's community
const SIBLING = '371002002001';

const point = (lng: number, lat: number, population: unknown, community: unknown) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { population, community },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const square = (lng: number, lat: number, d = 0.004) => [
  [
    [lng, lat],
    [lng + d, lat],
    [lng + d, lat + d],
    [lng, lat + d],
    [lng, lat],
  ],
];

const report = async (client: Client, regionCode?: string) =>
  (await client.get(`/api/v1/coverage/report${regionCode ? `?regionCode=${regionCode}` : ''}`)).json();

beforeAll(async () => {
  t = await createTestApp();
  centre = await signIn(t.app, demo.centreAdmin);
  keeper = await signIn(t.app, demo.keeper);
  const fk = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] });
  foreignKeeper = await signIn(t.app, fk.phone);
});
afterAll(() => t.close());

describe('the population layer', () => {
  it('starts as the demo’s stored synthetic layer', async () => {
    const r = await report(centre);
    expect(r.synthetic).toBe(true);
    expect(r.population).toBeGreaterThan(100_000);
  });

  it('reports every wrong feature by number and field, in Chinese and English, and stores nothing', async () => {
    const before = await report(keeper, OWN);
    const content = collection(
      point(122.12, 37.51, 100, OWN),
      point(37.51, 122.12, 100, OWN), // swapped
      point(130, 30, 100, OWN), // far outside the district
      point(122.12, 37.51, -5, OWN),
      point(122.12, 37.51, 10, SIBLING), // not the keeper's community
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [122.1, 37.5],
              [122.11, 37.5],
              [122.11, 37.51],
            ],
          ],
        },
        properties: { population: 5, community: OWN },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [122.1, 37.5],
            [122.11, 37.5],
          ],
        },
        properties: { population: 5, community: OWN },
      },
    );
    const res = await keeper.post('/api/v1/coverage/population/imports', { format: 'geojson', content });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.stored).toBe(false);
    expect(r.features).toBe(7);
    expect(r.problemCount).toBe(6);
    const by = (n: number) => r.problems.find((p: { feature: number }) => p.feature === n);
    expect(by(1)).toBeUndefined();
    expect(by(2)).toMatchObject({ field: 'geometry.coordinates', message: expect.stringContaining('顺序颠倒') });
    expect(by(2).messageEn).toMatch(/swapped/);
    expect(by(3).message).toMatch(/不在本区范围内/);
    expect(by(4)).toMatchObject({ field: 'properties.population' });
    expect(by(5)).toMatchObject({
      field: 'properties.community',
      messageEn: expect.stringMatching(/not a community in your area/),
    });
    expect(by(6).message).toMatch(/至少需要4个坐标/);
    expect(by(7)).toMatchObject({ field: 'geometry.type' });
    expect(await report(keeper, OWN)).toEqual(before);
  });

  it('reports CSV problems by line and refuses a file that is not one', async () => {
    const csv = [
      '经度,纬度,人口,社区',
      '122.12,37.51,300,北门外社区',
      '122.12,,300,北门外社区',
      '122.12,37.51,abc,北门外社区',
    ].join('\n');
    const r = (await keeper.post('/api/v1/coverage/population/imports', { format: 'csv', content: csv })).json();
    expect(r.stored).toBe(false);
    expect(r.problems.map((p: { feature: number; field: string }) => [p.feature, p.field])).toEqual([
      [3, 'lng,lat'],
      [4, 'population'],
    ]);
    const notJson = await keeper.post('/api/v1/coverage/population/imports', { format: 'geojson', content: '{nope' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.details[0]).toMatchObject({
      field: 'body.content',
      messageEn: 'The file is not valid JSON',
    });
    const noHeader = await keeper.post('/api/v1/coverage/population/imports', { format: 'csv', content: 'a,b\n1,2' });
    expect(noHeader.statusCode).toBe(400);
    const nul = await keeper.post('/api/v1/coverage/population/imports', {
      format: 'csv',
      content: 'lng,lat,population,community\u0000',
    });
    expect(nul.statusCode).toBe(400);
    const tooBig = await keeper.post('/api/v1/coverage/population/imports', {
      format: 'csv',
      content: 'x'.repeat(5_000_001),
    });
    expect(tooBig.statusCode).toBe(400);
  });

  it('replaces the people of the keeper’s community only, and the report reads them', async () => {
    const siblingBefore = await report(foreignKeeper);
    const content = collection(point(122.12, 37.51, 700, OWN), {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: square(122.1, 37.5) },
      properties: { population: 1300, 社区: '北门外社区' },
    });
    const dry = (
      await keeper.post('/api/v1/coverage/population/imports', { format: 'geojson', content, dryRun: true })
    ).json();
    expect(dry).toMatchObject({ stored: false, problemCount: 0, validFeatures: 2, population: 2000 });
    const res = await keeper.post('/api/v1/coverage/population/imports', { format: 'geojson', content });
    expect(res.json()).toMatchObject({ stored: true, regionCode: OWN, population: 2000, communities: 1 });
    const own = await report(keeper, OWN);
    expect(own).toMatchObject({ synthetic: false, population: 2000 });
    expect(own.communities).toEqual([expect.objectContaining({ regionCode: OWN, population: 2000 })]);
    expect(await report(foreignKeeper)).toEqual(siblingBefore);
    expect((await report(centre)).synthetic).toBe(true); // the rest of the district is still the synthetic layer
  });

  it('another community’s keeper gets 404 for a region outside their own', async () => {
    const content = collection(point(122.12, 37.51, 10, OWN));
    const res = await foreignKeeper.post('/api/v1/coverage/population/imports', {
      regionCode: OWN,
      format: 'geojson',
      content,
    });
    expect(res.statusCode).toBe(404);
    expect((await report(keeper, OWN)).population).toBe(2000);
  });
});

describe('the reach settings', () => {
  it('centre admins change them, audited; the report uses them; keepers may not', async () => {
    expect((await centre.get('/api/v1/coverage/settings')).json()).toEqual({
      speedMPerMin: 80,
      minutes: 15,
      detourFactor: 1.3,
      resolution: 10,
    });
    const before = await report(centre);
    const body = { speedMPerMin: 70, minutes: 10, detourFactor: 1.4, resolution: 9 };
    expect((await keeper.request({ method: 'PUT', url: '/api/v1/coverage/settings', payload: body })).statusCode).toBe(
      403,
    );
    const res = await centre.request({ method: 'PUT', url: '/api/v1/coverage/settings', payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(body);
    const after = await report(centre);
    expect(after.settings).toMatchObject(body);
    expect(after.settings.reachM).toBeCloseTo(500, 6);
    expect(after.covered).toBeLessThan(before.covered);
    expect(after.population).toBe(before.population);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'coverage_settings.update'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toEqual({
      before: { speedMPerMin: 80, minutes: 15, detourFactor: 1.3, resolution: 10 },
      after: body,
    });
    const bad = await centre.request({
      method: 'PUT',
      url: '/api/v1/coverage/settings',
      payload: { ...body, detourFactor: 0.5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toMatch(/detourFactor/);
    expect((await centre.get('/api/v1/coverage/settings')).json()).toEqual(body);
  });
});
