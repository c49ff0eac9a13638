import { describe, expect, it } from 'vitest';
import { allCodes, buildRegionTree, filterRegionTree, type RegionLike, summariseRegions } from './region-tree.js';

const regions: RegionLike[] = [
  { code: '371002002', parentCode: null, level: 'subdistrict', name: '鲸园街道', siteCount: 1 },
  { code: '371002002005', parentCode: '371002002', level: 'community', name: '北门外社区', siteCount: 1 },
  { code: '371002002006', parentCode: '371002002', level: 'community', name: '东北村社区', siteCount: 2 },
];

describe('region tree helpers', () => {
  it('nests communities under their subdistrict', () => {
    const tree = buildRegionTree(regions);
    expect(tree.map((n) => n.region.name)).toEqual(['鲸园街道']);
    expect(tree[0]?.children.map((n) => n.region.name)).toEqual(['北门外社区', '东北村社区']);
    expect(allCodes(tree)).toHaveLength(3);
  });

  it('filters by name or code and keeps the ancestors of a match', () => {
    const tree = filterRegionTree(buildRegionTree(regions), '北门');
    expect(allCodes(tree)).toEqual(['371002002', '371002002005']);
    expect(allCodes(filterRegionTree(buildRegionTree(regions), '002006'))).toEqual(['371002002', '371002002006']);
    expect(filterRegionTree(buildRegionTree(regions), '竹岛')).toEqual([]);
  });

  it('counts levels and sites', () => {
    expect(summariseRegions(regions)).toEqual({ subdistricts: 1, communities: 2, sites: 4 });
  });
});
