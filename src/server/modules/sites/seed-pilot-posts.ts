import type { Db } from '../../platform/db.js';
import { type SiteZone, sites, siteZones } from './schema.js';

/**
 * The five pilot 雷锋岗 of Huancui (seed: 胜利社区、大世界、统一路、威高商圈、大润发), batch 1.
 * Their coordinates are plausible points in Weihai's city centre, not surveyed: flagged approximate.
 * 大世界 lies in 北门外社区 (鲸园街道) per the seed; for the others the community is not known,
 * so they hang under the subdistrict their area belongs to (the division data has no 胜利社区).
 * Every post gets the five function zones the seed describes for 大世界, the model replicated in batches.
 */
export const pilotPosts: {
  name: string;
  regionCode: string;
  address: string;
  lng: number;
  lat: number;
  description: string;
}[] = [
  {
    name: '大世界雷锋岗',
    regionCode: '371002002005',
    address: '威海市环翠区大世界商圈',
    lng: 122.1226,
    lat: 37.5118,
    description: '40多平方米的志愿服务驿站，为周边及过往居民提供暖心服务，志愿者可来此登记注册参与服务。',
  },
  {
    name: '胜利社区雷锋岗',
    regionCode: '371002001',
    address: '威海市环翠区胜利社区',
    lng: 122.1128,
    lat: 37.5086,
    description: '社区志愿服务驿站，需要帮助的居民可在此找到志愿者。',
  },
  {
    name: '统一路雷锋岗',
    regionCode: '371002002',
    address: '威海市环翠区统一路',
    lng: 122.1187,
    lat: 37.5062,
    description: '统一路沿线人员密集地段的志愿服务驿站。',
  },
  {
    name: '威高商圈雷锋岗',
    regionCode: '371002003',
    address: '威海市环翠区威高商圈',
    lng: 122.1203,
    lat: 37.4986,
    description: '威高商圈内的志愿服务驿站，为过往市民提供便民服务。',
  },
  {
    name: '大润发雷锋岗',
    regionCode: '371002001',
    address: '威海市环翠区大润发商超旁',
    lng: 122.1052,
    lat: 37.5011,
    description: '大润发商超旁的志愿服务驿站，为购物市民提供便民服务。',
  },
];

export const pilotZones: SiteZone[] = [...siteZones];

export async function seedPilotPosts(
  db: Db,
  tenantId: string,
): Promise<{ id: string; name: string; regionCode: string }[]> {
  return db
    .insert(sites)
    .values(
      pilotPosts.map((p) => ({
        tenantId,
        kind: 'leifeng_post' as const,
        ...p,
        locationApproximate: true,
        pilotBatch: 1,
        openingHours: '每日 8:30-17:30',
        zones: pilotZones,
      })),
    )
    .returning({ id: sites.id, name: sites.name, regionCode: sites.regionCode });
}
