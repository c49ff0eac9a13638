import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { pointsBalance } from '../points/index.js';
import { regions } from '../regions/index.js';
import { volunteers } from '../volunteers/index.js';
import { periodStart } from './period.js';
import { storeGoods, storeRedemptions } from './schema.js';
import { loadOpenStore, presentGoods } from './store.js';

/** One store as a volunteer sees it: the goods on offer, how many more they may take of each, and their balance. */
export async function getShop(ctx: Ctx, siteId: string) {
  const actor = requireActor(ctx);
  const site = await loadOpenStore(ctx.db, actor.tenantId, siteId);
  const rows = await ctx.db
    .select()
    .from(storeGoods)
    .where(and(eq(storeGoods.tenantId, actor.tenantId), eq(storeGoods.siteId, site.id), eq(storeGoods.active, true)))
    .orderBy(asc(storeGoods.pricePoints), asc(storeGoods.name));
  const now = new Date();
  const limited = rows.filter((g) => g.limitQuantity && g.limitPeriod);
  const since = limited.length
    ? new Date(Math.min(...limited.map((g) => periodStart(g.limitPeriod ?? 'month', now).getTime())))
    : now;
  const mine = limited.length
    ? await ctx.db
        .select({
          goodsId: storeRedemptions.goodsId,
          quantity: storeRedemptions.quantity,
          at: storeRedemptions.createdAt,
        })
        .from(storeRedemptions)
        .where(
          and(
            eq(storeRedemptions.tenantId, actor.tenantId),
            eq(storeRedemptions.userId, actor.userId),
            inArray(
              storeRedemptions.goodsId,
              limited.map((g) => g.id),
            ),
            inArray(storeRedemptions.status, ['reserved', 'fulfilled']),
            gte(storeRedemptions.createdAt, since),
          ),
        )
    : [];
  const goods = (await presentGoods(ctx, rows)).map((g) => {
    const row = rows.find((r) => r.id === g.id);
    if (!row?.limitQuantity || !row.limitPeriod) return { ...g, myRemaining: null };
    const start = periodStart(row.limitPeriod, now);
    const taken = mine.filter((m) => m.goodsId === g.id && m.at >= start).reduce((s, m) => s + m.quantity, 0);
    return { ...g, myRemaining: Math.max(0, row.limitQuantity - taken) };
  });
  const [region] = await ctx.db
    .select({ name: regions.shortName })
    .from(regions)
    .where(and(eq(regions.tenantId, actor.tenantId), eq(regions.code, site.regionCode)));
  const [me] = await ctx.db
    .select({ regionCode: volunteers.regionCode })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, actor.tenantId), eq(volunteers.userId, actor.userId)));
  return {
    site: {
      id: site.id,
      name: site.name,
      regionCode: site.regionCode,
      regionName: region?.name ?? null,
      address: site.address,
      openingHours: site.openingHours,
      distanceMeters: null,
      mine: !!me && site.regionCode.startsWith(me.regionCode),
      goodsCount: rows.length,
    },
    balance: await pointsBalance(ctx.db, actor.tenantId, actor.userId),
    goods,
  };
}
