import type { Db } from '../../platform/db.js';
import { driftBooks, selfHelpItems, selfHelpMovements } from './schema.js';

/** A few donated books and self-help items at one demo site, so its public page is not empty. */
export async function seedDemoStationServices(db: Db, site: { tenantId: string; id: string; regionCode: string }) {
  const base = { tenantId: site.tenantId, siteId: site.id, regionCode: site.regionCode };
  await db.insert(driftBooks).values([
    { ...base, title: '雷锋日记', author: '雷锋', donor: '北门外社区居民' },
    { ...base, title: '平凡的世界', author: '路遥', isbn: '9787530212004', donor: '鲸园蓝志愿服务队' },
    { ...base, title: '威海卫史话', donor: '环翠区图书馆' },
  ]);
  const items = await db
    .insert(selfHelpItems)
    .values([
      { ...base, name: '爱心雨伞', unit: '把', quantity: 12 },
      { ...base, name: '应急药箱', unit: '个', quantity: 2 },
      { ...base, name: '饮用水', unit: '瓶', quantity: 48 },
    ])
    .returning({ id: selfHelpItems.id, quantity: selfHelpItems.quantity });
  await db.insert(selfHelpMovements).values(
    items.map((i) => ({
      ...base,
      itemId: i.id,
      kind: 'restock' as const,
      delta: i.quantity,
      quantityAfter: i.quantity,
      note: '初始库存',
      at: new Date(),
    })),
  );
}
