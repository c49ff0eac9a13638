/**
 * The demo pioneer store (积分兑换先锋超市) at 大世界雷锋岗: everyday goods, most donated by caring
 * merchants (爱心商户) over the past year, each donation a restock in the stock history. No points
 * exist when the demo is seeded (they are earned from confirmed hours), so no redemptions are seeded:
 * the first come from volunteers who earn points. Three statements; fast.
 */
import { and, eq } from 'drizzle-orm';
import { organisations } from '../modules/organisations/index.js';
import { sites } from '../modules/sites/index.js';
import { storeDonations, storeGoods, storeStockMovements } from '../modules/store/index.js';
import type { Db } from '../platform/db.js';
import { DAY, generator } from './synthetic.js';

type Period = 'day' | 'week' | 'month';
const GOODS: { name: string; price: number; limit?: [number, Period]; merchant: 0 | 1 | null; description: string }[] =
  [
    { name: '洗衣液', price: 200, limit: [2, 'month'], merchant: 0, description: '2kg 装，薰衣草香型' },
    { name: '大米（5kg）', price: 500, limit: [1, 'month'], merchant: 1, description: '当季新米' },
    { name: '花生油（1.8L）', price: 450, limit: [1, 'month'], merchant: 1, description: '压榨一级' },
    { name: '抽纸（6包）', price: 120, limit: [3, 'month'], merchant: 0, description: '三层加厚' },
    { name: '牙膏', price: 80, limit: [2, 'week'], merchant: 0, description: '120g 薄荷味' },
    { name: '毛巾', price: 60, limit: [2, 'month'], merchant: 0, description: '纯棉' },
    { name: '保温杯', price: 300, limit: [1, 'month'], merchant: null, description: '志愿环翠纪念款' },
    { name: '雨伞', price: 150, merchant: null, description: '雷锋岗定制折叠伞' },
  ];

export async function seedDemoStore(tx: Db, tenantId: string): Promise<void> {
  const [post] = await tx
    .select({ id: sites.id, regionCode: sites.regionCode })
    .from(sites)
    .where(and(eq(sites.tenantId, tenantId), eq(sites.name, '大世界雷锋岗')));
  if (!post) return;
  const [existing] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.name, '鲸园暖心便民超市')));
  const [grain] = await tx
    .insert(organisations)
    .values({
      tenantId,
      kind: 'caring_merchant',
      name: '北门外惠民粮油店',
      regionCode: post.regionCode,
      description: '爱心商户：每季度向大世界雷锋岗先锋超市捐赠米面粮油。',
      contactPhone: '13900000013',
      joinMode: 'invitation',
    })
    .returning({ id: organisations.id });
  const merchants = [existing?.id ?? null, grain?.id ?? null];
  const rnd = generator(11);
  const now = Date.now();
  const goods: (typeof storeGoods.$inferInsert)[] = [];
  const donations: (typeof storeDonations.$inferInsert)[] = [];
  const movements: (typeof storeStockMovements.$inferInsert)[] = [];
  for (const g of GOODS) {
    const id = rnd.uuid();
    const merchantId = g.merchant === null ? null : (merchants[g.merchant] ?? null);
    let stock = 0;
    // A delivery about every two months over the past year.
    for (let daysAgo = rnd.int(330, 350); daysAgo > 0; daysAgo -= rnd.int(50, 80)) {
      const at = new Date(now - daysAgo * DAY);
      const quantity = rnd.int(5, 14);
      stock += quantity;
      const donationId = merchantId ? rnd.uuid() : null;
      if (merchantId && donationId)
        donations.push({
          tenantId,
          id: donationId,
          goodsId: id,
          siteId: post.id,
          regionCode: post.regionCode,
          merchantId,
          quantity,
          donatedOn: new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
          note: '（演示数据）',
          createdAt: at,
        });
      movements.push({
        tenantId,
        goodsId: id,
        siteId: post.id,
        kind: 'restock',
        delta: quantity,
        stockAfter: stock,
        note: merchantId ? '爱心商户捐赠（演示数据）' : '采购入库（演示数据）',
        donationId,
        at,
      });
    }
    goods.push({
      tenantId,
      id,
      siteId: post.id,
      regionCode: post.regionCode,
      name: g.name,
      description: g.description,
      pricePoints: g.price,
      stock,
      limitQuantity: g.limit?.[0] ?? null,
      limitPeriod: g.limit?.[1] ?? null,
      merchantId,
    });
  }
  await tx.insert(storeGoods).values(goods);
  if (donations.length) await tx.insert(storeDonations).values(donations);
  await tx.insert(storeStockMovements).values(movements);
}
