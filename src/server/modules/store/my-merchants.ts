import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { organisationMembers, organisations } from '../organisations/index.js';
import { sites } from '../sites/index.js';
import { storeDonations, storeGoods, storeRedemptions } from './schema.js';

/**
 * A caring merchant's (爱心商户) own view, for the people who manage it (an org_admin grant for it, or
 * a leader or admin membership): the goods it donated, per goods how many pieces it gave and how many
 * volunteers have redeemed (handed over) and hold reserved, and its donation records. Only the
 * merchants the caller manages appear; anyone else gets an empty list.
 */
export async function listMyMerchants(ctx: Ctx) {
  const actor = requireActor(ctx);
  const tenantId = actor.tenantId;
  const granted = actor.grants.filter((g) => g.role === 'org_admin' && g.organisationId).map((g) => g.organisationId);
  const memberOf = await ctx.db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, tenantId),
        eq(organisationMembers.userId, actor.userId),
        inArray(organisationMembers.role, ['leader', 'admin']),
      ),
    );
  const ids = [...new Set([...granted, ...memberOf.map((m) => m.id)])].filter((id): id is string => Boolean(id));
  if (ids.length === 0) return { items: [] };
  const merchants = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, tenantId),
        inArray(organisations.id, ids),
        eq(organisations.kind, 'caring_merchant'),
      ),
    )
    .orderBy(asc(organisations.name));
  if (merchants.length === 0) return { items: [] };
  const merchantIds = merchants.map((m) => m.id);
  const donated = await ctx.db
    .select({
      merchantId: storeDonations.merchantId,
      goodsId: storeDonations.goodsId,
      goodsName: storeGoods.name,
      siteName: sites.name,
      quantity: sql<number>`sum(${storeDonations.quantity})::int`,
      lastDonatedOn: sql<string>`max(${storeDonations.donatedOn})::text`,
    })
    .from(storeDonations)
    .innerJoin(
      storeGoods,
      and(eq(storeGoods.tenantId, storeDonations.tenantId), eq(storeGoods.id, storeDonations.goodsId)),
    )
    .innerJoin(sites, and(eq(sites.tenantId, storeDonations.tenantId), eq(sites.id, storeDonations.siteId)))
    .where(and(eq(storeDonations.tenantId, tenantId), inArray(storeDonations.merchantId, merchantIds)))
    .groupBy(storeDonations.merchantId, storeDonations.goodsId, storeGoods.name, sites.name)
    .orderBy(desc(sql`max(${storeDonations.donatedOn})`), asc(storeGoods.name));
  const goodsIds = [...new Set(donated.map((d) => d.goodsId))];
  const redeemed = goodsIds.length
    ? await ctx.db
        .select({
          goodsId: storeRedemptions.goodsId,
          fulfilled: sql<number>`coalesce(sum(${storeRedemptions.quantity}) filter (where ${storeRedemptions.status} = 'fulfilled'), 0)::int`,
          reserved: sql<number>`coalesce(sum(${storeRedemptions.quantity}) filter (where ${storeRedemptions.status} = 'reserved'), 0)::int`,
        })
        .from(storeRedemptions)
        .where(and(eq(storeRedemptions.tenantId, tenantId), inArray(storeRedemptions.goodsId, goodsIds)))
        .groupBy(storeRedemptions.goodsId)
    : [];
  return {
    items: merchants.map((m) => {
      const goods = donated
        .filter((d) => d.merchantId === m.id)
        .map((d) => {
          const r = redeemed.find((x) => x.goodsId === d.goodsId);
          return {
            goodsId: d.goodsId,
            goodsName: d.goodsName,
            siteName: d.siteName,
            donatedQuantity: d.quantity,
            redeemedQuantity: r?.fulfilled ?? 0,
            reservedQuantity: r?.reserved ?? 0,
            lastDonatedOn: d.lastDonatedOn,
          };
        });
      return {
        id: m.id,
        name: m.name,
        donatedQuantity: goods.reduce((s, g) => s + g.donatedQuantity, 0),
        redeemedQuantity: goods.reduce((s, g) => s + g.redeemedQuantity, 0),
        goods,
      };
    }),
  };
}
