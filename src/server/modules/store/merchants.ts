import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { organisations } from '../organisations/index.js';
import { sites } from '../sites/index.js';
import { storeDonations, storeGoods, storeRedemptions } from './schema.js';

/**
 * Caring merchants (爱心商户) with what they gave to the stores of the caller's scope: donation
 * records, pieces donated, and pieces of their goods handed over to volunteers.
 */
export async function listMerchants(ctx: Ctx) {
  const actor = requireActor(ctx);
  const merchants = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, actor.tenantId),
        eq(organisations.kind, 'caring_merchant'),
        eq(organisations.status, 'active'),
      ),
    )
    .orderBy(asc(organisations.name));
  const donated = await ctx.db
    .select({
      merchantId: storeDonations.merchantId,
      n: count(),
      quantity: sql<number>`coalesce(sum(${storeDonations.quantity}), 0)::int`,
    })
    .from(storeDonations)
    .where(and(eq(storeDonations.tenantId, actor.tenantId), scopeCondition(actor, storeDonations.regionCode)))
    .groupBy(storeDonations.merchantId);
  const redeemed = await ctx.db
    .select({
      merchantId: storeGoods.merchantId,
      quantity: sql<number>`coalesce(sum(${storeRedemptions.quantity}), 0)::int`,
    })
    .from(storeRedemptions)
    .innerJoin(
      storeGoods,
      and(eq(storeGoods.tenantId, storeRedemptions.tenantId), eq(storeGoods.id, storeRedemptions.goodsId)),
    )
    .where(
      and(
        eq(storeRedemptions.tenantId, actor.tenantId),
        eq(storeRedemptions.status, 'fulfilled'),
        scopeCondition(actor, storeRedemptions.regionCode),
      ),
    )
    .groupBy(storeGoods.merchantId);
  return {
    items: merchants.map((m) => {
      const d = donated.find((x) => x.merchantId === m.id);
      return {
        ...m,
        donations: d?.n ?? 0,
        donatedQuantity: d?.quantity ?? 0,
        redeemedQuantity: redeemed.find((x) => x.merchantId === m.id)?.quantity ?? 0,
      };
    }),
  };
}

/** One merchant's donations to the stores of the caller's scope, newest first. */
export async function listMerchantDonations(ctx: Ctx, merchantId: string) {
  const actor = requireActor(ctx);
  const [merchant] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, actor.tenantId),
        eq(organisations.id, merchantId),
        eq(organisations.kind, 'caring_merchant'),
      ),
    );
  if (!merchant) throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .select({ d: storeDonations, goodsName: storeGoods.name, siteName: sites.name })
    .from(storeDonations)
    .innerJoin(
      storeGoods,
      and(eq(storeGoods.tenantId, storeDonations.tenantId), eq(storeGoods.id, storeDonations.goodsId)),
    )
    .innerJoin(sites, and(eq(sites.tenantId, storeDonations.tenantId), eq(sites.id, storeDonations.siteId)))
    .where(
      and(
        eq(storeDonations.tenantId, actor.tenantId),
        eq(storeDonations.merchantId, merchant.id),
        scopeCondition(actor, storeDonations.regionCode),
      ),
    )
    .orderBy(desc(storeDonations.donatedOn), desc(storeDonations.createdAt))
    .limit(500);
  return {
    items: rows.map(({ d, goodsName, siteName }) => ({
      id: d.id,
      goodsId: d.goodsId,
      goodsName,
      siteName,
      quantity: d.quantity,
      donatedOn: d.donatedOn,
      note: d.note,
    })),
  };
}
