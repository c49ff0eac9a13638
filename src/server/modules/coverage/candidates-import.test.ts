import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';

let t: TestContext;
let centre: Client;
let keeper: Client;

const SIBLING = '371002002001'; // not the demo keeper's community

const feature = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', geometry, properties });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

interface Pick {
  lat: number;
  lng: number;
  name?: string | null;
  gain: number;
}
interface Proposal {
  candidates: number;
  before: { covered: number };
  after: { covered: number };
  picks: Pick[];
}

const site = async (client: Client, body: Record<string, unknown>): Promise<Proposal> => {
  const res = await client.post('/api/v1/coverage/siting', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  centre = await signIn(t.app, demo.centreAdmin);
  keeper = await signIn(t.app, demo.keeper);
});
afterAll(() => t.close());

describe('imported candidate sites', () => {
  it('reports every wrong feature by number and field and stores nothing', async () => {
    const res = await centre.post('/api/v1/coverage/candidates/imports', {
      format: 'geojson',
      content: collection(
        feature({ type: 'Point', coordinates: [122.12, 37.51] }, { name: '好的' }),
        feature({ type: 'Point', coordinates: [37.51, 122.12] }), // swapped
        feature({
          type: 'LineString',
          coordinates: [
            [122.12, 37.51],
            [122.13, 37.52],
          ],
        }),
        feature({ type: 'Point', coordinates: [122.12, 37.51] }, { name: '长'.repeat(61) }),
        { type: 'Nope' },
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ features: 5, validFeatures: 1, problemCount: 4, stored: false });
    expect(report.problems.map((p: { feature: number; field: string }) => [p.feature, p.field])).toEqual([
      [2, 'geometry.coordinates'],
      [3, 'geometry'],
      [4, 'properties.name'],
      [5, 'type'],
    ]);
    expect(report.problems[0].messageEn).toMatch(/swapped/);
    expect((await site(centre, { n: 2, candidates: 'imported' })).candidates).toBe(0);
  });

  it('stored, they are what siting picks among, by name, with the gains the report adds up', async () => {
    const cells = (
      (await centre.get('/api/v1/coverage/report')).json().uncoveredCells as { lat: number; lng: number }[]
    ).slice(0, 4);
    expect(cells).toHaveLength(4);
    const csv = ['经度,纬度,名称', ...cells.map((c, i) => `${c.lng},${c.lat},候选${i + 1}`)].join('\n');
    const res = await centre.post('/api/v1/coverage/candidates/imports', { format: 'csv', content: csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ features: 4, validFeatures: 4, problemCount: 0, stored: true });

    const proposal = await site(centre, { n: 2, candidates: 'imported' });
    expect(proposal.candidates).toBe(4);
    expect(proposal.picks).toHaveLength(2);
    for (const p of proposal.picks) {
      const k = cells.findIndex((c) => c.lat === p.lat && c.lng === p.lng);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(p.name).toBe(`候选${k + 1}`);
      expect(p.gain).toBeGreaterThan(0);
    }
    expect(proposal.after.covered - proposal.before.covered).toBe(proposal.picks.reduce((s, p) => s + p.gain, 0));

    // Both sources: the cells and the 4 imported places are weighed together.
    const cellsOnly = await site(centre, { n: 2 });
    const both = await site(centre, { n: 2, candidates: 'both' });
    expect(both.candidates).toBe(cellsOnly.candidates + 4);
    expect(cellsOnly.picks.every((p) => p.name === null)).toBe(true);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'coverage_candidates.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toEqual({ format: 'csv', candidates: 4 });
  });

  it('a keeper may not import for a community outside their scope', async () => {
    const res = await keeper.post('/api/v1/coverage/candidates/imports', {
      regionCode: SIBLING,
      format: 'csv',
      content: 'lng,lat\n122.12,37.51',
    });
    expect(res.statusCode).toBe(404);
  });
});
