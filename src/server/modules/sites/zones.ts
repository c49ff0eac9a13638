/** What one can do at a site, derived from its function zones and its kind. Pure. */
import type { SiteKind, SiteZone } from './schema.js';

export interface SiteZoneInfo {
  label: string;
  labelEn: string;
}

export const zoneInfo: Record<SiteZone, SiteZoneInfo> = {
  culture_sale: { label: '文创展销区', labelEn: 'Cultural products' },
  checkin_corner: { label: '爱心打卡区', labelEn: 'Check-in corner' },
  points_store: { label: '积分兑换先锋超市', labelEn: 'Pioneer points store' },
  book_drift: { label: '图书漂流角', labelEn: 'Book drift corner' },
  self_help: { label: '爱心自助区', labelEn: 'Self-help corner' },
};

export const siteServiceCodes = [
  'volunteer_registration',
  'service_order',
  'buy_cultural_products',
  'volunteer_checkin',
  'redeem_points',
  'borrow_books',
  'self_help',
] as const;
export type SiteServiceCode = (typeof siteServiceCodes)[number];

export interface SiteService {
  code: SiteServiceCode;
  label: string;
  labelEn: string;
}

const services: Record<SiteServiceCode, Omit<SiteService, 'code'>> = {
  volunteer_registration: { label: '志愿者登记注册', labelEn: 'Register as a volunteer' },
  service_order: { label: '群众点单求助', labelEn: 'Ask for a volunteer service' },
  buy_cultural_products: { label: '选购文创产品', labelEn: 'Buy cultural products' },
  volunteer_checkin: { label: '志愿服务打卡', labelEn: 'Check in for volunteer service' },
  redeem_points: { label: '志愿积分兑换物品', labelEn: 'Redeem volunteer points' },
  borrow_books: { label: '借阅、归还、捐赠图书', labelEn: 'Borrow, return or donate books' },
  self_help: { label: '免费取用便民物品', labelEn: 'Take free everyday items' },
};

const serviceByZone: Record<SiteZone, SiteServiceCode> = {
  culture_sale: 'buy_cultural_products',
  checkin_corner: 'volunteer_checkin',
  points_store: 'redeem_points',
  book_drift: 'borrow_books',
  self_help: 'self_help',
};

/** Practice sites and 雷锋岗 take volunteer registrations and service orders (seed: "来此登记注册…找到提供服务的对象"). */
const staffedKinds: readonly SiteKind[] = ['centre', 'institute', 'station', 'leifeng_post'];

export function servicesOf(kind: SiteKind, zones: readonly SiteZone[]): SiteService[] {
  const codes: SiteServiceCode[] = [];
  if (staffedKinds.includes(kind)) codes.push('volunteer_registration', 'service_order');
  for (const zone of zones) codes.push(serviceByZone[zone]);
  return [...new Set(codes)].map((code) => ({ code, ...services[code] }));
}

export function zonesWithInfo(zones: readonly SiteZone[]) {
  return zones.map((zone) => ({ zone, ...zoneInfo[zone] }));
}

export const kindInfo: Record<SiteKind, SiteZoneInfo> = {
  centre: { label: '新时代文明实践中心', labelEn: 'Civilization practice centre' },
  institute: { label: '新时代文明实践所', labelEn: 'Civilization practice institute' },
  station: { label: '新时代文明实践站', labelEn: 'Civilization practice station' },
  leifeng_post: { label: '雷锋岗', labelEn: 'Leifeng post' },
  sanitation_home: { label: '环卫之家', labelEn: "Sanitation workers' home" },
  caring_merchant: { label: '爱心商户', labelEn: 'Caring merchant' },
  bank_outlet: { label: '银行网点', labelEn: 'Bank outlet' },
};
