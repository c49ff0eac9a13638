import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';

type Site = { id: string; kind: string; name: string; regionCode: string };

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function allSites(phone: string, query = ''): Promise<Site[]> {
  const client = await signIn(t.app, phone);
  const items: Site[] = [];
  let cursor: string | null = null;
  do {
    const res = await client.get(`/api/v1/sites?limit=40${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('the site skeleton', () => {
  it('has one centre, nine institutes and 218 stations, paged without gaps or repeats', async () => {
    const sites = await allSites(demo.centreAdmin);
    const count = (kind: string) => sites.filter((s) => s.kind === kind).length;
    expect([count('centre'), count('institute'), count('station')]).toEqual([1, 9, 218]);
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    expect(sites.find((s) => s.kind === 'centre')?.name).toBe('环翠区新时代文明实践中心');
  });

  it('filters by kind and by region inside the scope', async () => {
    const institutes = await allSites(demo.centreAdmin, '&kind=institute');
    expect(institutes).toHaveLength(9);
    const jingyuan = await allSites(demo.instituteAdmin, '&regionCode=371002002');
    // 1 institute, 16 stations, and the 大世界 and 统一路 雷锋岗.
    expect(jingyuan).toHaveLength(19);
    expect(jingyuan.filter((s) => s.kind === 'leifeng_post')).toHaveLength(2);
  });
});

describe('scoped to the caller', () => {
  it('shows a station keeper only the sites of their community', async () => {
    expect((await allSites(demo.keeper)).map((s) => s.name).sort()).toEqual(
      ['北门外社区新时代文明实践站', '大世界雷锋岗'].sort(),
    );
  });

  it('answers a region outside the scope exactly like a region that does not exist', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const outside = await keeper.get('/api/v1/sites?regionCode=371002003');
    const missing = await keeper.get('/api/v1/sites?regionCode=371002999');
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual(missing.json());
  });
});
