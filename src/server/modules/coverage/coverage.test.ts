import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';

let t: TestContext;
let centre: Client;
let keeper: Client;
let foreignKeeper: Client;
let volunteer: Client;

const SIBLING = '371002002001'; // a community of 鲸园街道 next to the demo keeper's 北门外社区

beforeAll(async () => {
  t = await createTestApp();
  centre = await signIn(t.app, demo.centreAdmin);
  keeper = await signIn(t.app, demo.keeper);
  volunteer = await signIn(t.app, demo.volunteer);
  const fk = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] });
  foreignKeeper = await signIn(t.app, fk.phone);
});
afterAll(() => t.close());

describe('the 15-minute service circle', () => {
  it('reports the district, its communities and the batches, labelled synthetic', async () => {
    const res = await centre.get('/api/v1/coverage/report');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.synthetic).toBe(true);
    expect(r.settings).toMatchObject({ speedMPerMin: 80, detourFactor: 1.3, resolution: 10 });
    expect(r.population).toBeGreaterThan(100_000);
    expect(r.covered).toBeGreaterThan(0);
    expect(r.covered).toBeLessThan(r.population);
    expect(r.communities.reduce((s: number, c: { population: number }) => s + c.population, 0)).toBe(r.population);
    expect(r.communities.reduce((s: number, c: { covered: number }) => s + c.covered, 0)).toBe(r.covered);
    // stations (no batch) first, then the pilot batch: coverage only grows, and ends at the total
    expect(r.byBatch.map((b: { batch: number | null }) => b.batch)).toEqual([null, 1]);
    expect(r.byBatch[1].covered).toBeGreaterThanOrEqual(r.byBatch[0].covered);
    expect(r.byBatch.at(-1).covered).toBe(r.covered);
    expect(r.uncoveredCount).toBeGreaterThan(0);
    expect(r.uncoveredCells[0].population).toBeGreaterThanOrEqual(r.uncoveredCells.at(-1).population);
  });

  it('gives the map its shapes: the covered area, each uncovered hexagon and the sites by batch', async () => {
    const r = (await centre.get('/api/v1/coverage/report')).json();
    const cell = r.uncoveredCells[0];
    expect(cell.boundary).toHaveLength(7);
    expect(cell.boundary[0]).toEqual(cell.boundary[6]);
    const lngs = cell.boundary.map((p: number[]) => p[0]);
    const lats = cell.boundary.map((p: number[]) => p[1]);
    expect(cell.lng).toBeGreaterThan(Math.min(...lngs));
    expect(cell.lng).toBeLessThan(Math.max(...lngs));
    expect(cell.lat).toBeGreaterThan(Math.min(...lats));
    expect(cell.lat).toBeLessThan(Math.max(...lats));
    expect(r.coveredOutline.length).toBeGreaterThan(0);
    // every outer ring of the covered area is closed and lies in the district
    for (const polygon of r.coveredOutline) {
      const outer = polygon[0];
      expect(outer[0]).toEqual(outer.at(-1));
      for (const [lng, lat] of outer) {
        expect(lng).toBeGreaterThan(121);
        expect(lat).toBeGreaterThan(36);
      }
    }
    const pilot = r.sites.filter((s: { batch: number | null }) => s.batch === 1);
    expect(pilot.length).toBe(
      r.byBatch.find((b: { batch: number | null }) => b.batch === 1).posts - r.byBatch[0].posts,
    );
    expect(r.sites.length).toBe(r.byBatch.at(-1).posts);
  });

  it('a keeper sees only their own community; another community’s keeper sees theirs, not it', async () => {
    const own = (await keeper.get('/api/v1/coverage/report')).json();
    const codes = own.communities.map((c: { regionCode: string }) => c.regionCode);
    expect(codes.length).toBeGreaterThan(0);
    const foreign = (await foreignKeeper.get('/api/v1/coverage/report')).json();
    const foreignCodes = foreign.communities.map((c: { regionCode: string }) => c.regionCode);
    expect(foreignCodes).toEqual([SIBLING]);
    expect(codes).not.toContain(SIBLING);
    const res = await foreignKeeper.get(`/api/v1/coverage/report?regionCode=${codes[0]}`);
    expect(res.statusCode).toBe(404);
    const siting = await foreignKeeper.post('/api/v1/coverage/siting', { n: 1, regionCode: codes[0] });
    expect(siting.statusCode).toBe(404);
  });

  it('proposes new posts whose gains add up to the coverage they bring', async () => {
    const res = await centre.post('/api/v1/coverage/siting', { n: 5 });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.picks).toHaveLength(5);
    const gains = p.picks.map((x: { gain: number }) => x.gain);
    expect(gains.every((g: number) => g > 0)).toBe(true);
    expect(p.after.covered).toBe(p.before.covered + gains.reduce((s: number, g: number) => s + g, 0));
    const report = (await centre.get('/api/v1/coverage/report')).json();
    expect(p.before.covered).toBe(report.covered);
  });

  it('refuses residents, volunteers and strangers, and bad input', async () => {
    expect((await volunteer.get('/api/v1/coverage/report')).statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/v1/coverage/report')).statusCode).toBe(401);
    const bad = await centre.post('/api/v1/coverage/siting', { n: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
  });
});
