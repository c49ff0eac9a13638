/** Shared reads and presentation of the pioneer store. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { fileLink } from '../../platform/files.js';
import { files } from '../../platform/files-schema.js';
import { organisations } from '../organisations/index.js';
import { findSite, loadSiteInScope, type SiteRecord } from '../sites/index.js';
import { storeGoods, storeSettings } from './schema.js';

export type Goods = typeof storeGoods.$inferSelect;

export const DEFAULT_PICKUP_DAYS = 7;

/** A store site in the staff caller's scope (NOT_FOUND otherwise); SITE_ZONE_NOT_OPEN without the store zone. */
export async function loadStoreInScope(ctx: Ctx, siteId: string): Promise<SiteRecord> {
  const site = await loadSiteInScope(ctx, siteId);
  if (!site.zones.includes('points_store')) throw new AppError('SITE_ZONE_NOT_OPEN');
  return site;
}

/** A store any signed-in person may shop at: a site with the store zone (NOT_FOUND otherwise). */
export async function loadOpenStore(db: Db, tenantId: string, siteId: string): Promise<SiteRecord> {
  const site = await findSite(db, tenantId, siteId);
  if (!site?.zones.includes('points_store')) throw new AppError('NOT_FOUND');
  return site;
}

export async function findGoods(db: Db, tenantId: string, id: string): Promise<Goods | null> {
  const [row] = await db
    .select()
    .from(storeGoods)
    .where(and(eq(storeGoods.tenantId, tenantId), eq(storeGoods.id, id)));
  return row ?? null;
}

/** Goods whose store lies in the staff caller's scope; NOT_FOUND otherwise. */
export async function loadGoodsInScope(ctx: Ctx, id: string): Promise<{ goods: Goods; site: SiteRecord }> {
  const goods = await findGoods(ctx.db, ctx.tenantId, id);
  if (!goods) throw new AppError('NOT_FOUND');
  const site = await loadSiteInScope(ctx, goods.siteId);
  return { goods, site };
}

export async function pickupDays(db: Db, tenantId: string): Promise<number> {
  const [row] = await db.select().from(storeSettings).where(eq(storeSettings.tenantId, tenantId));
  return row?.pickupDays ?? DEFAULT_PICKUP_DAYS;
}

/** Presents goods with their merchant's name and a link to the photo. */
export async function presentGoods(ctx: Ctx, rows: Goods[]) {
  const photoIds = [...new Set(rows.map((g) => g.photoFileId).filter((id): id is string => !!id))];
  const merchantIds = [...new Set(rows.map((g) => g.merchantId).filter((id): id is string => !!id))];
  const photos = photoIds.length
    ? await ctx.db
        .select()
        .from(files)
        .where(and(eq(files.tenantId, ctx.tenantId), inArray(files.id, photoIds)))
    : [];
  const merchants = merchantIds.length
    ? await ctx.db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(and(eq(organisations.tenantId, ctx.tenantId), inArray(organisations.id, merchantIds)))
    : [];
  return rows.map((g) => {
    const photo = photos.find((f) => f.id === g.photoFileId);
    return {
      id: g.id,
      siteId: g.siteId,
      name: g.name,
      description: g.description,
      photoFileId: g.photoFileId,
      photoUrl: photo ? fileLink(ctx.config, photo).url : null,
      pricePoints: g.pricePoints,
      stock: g.stock,
      limitQuantity: g.limitQuantity,
      limitPeriod: g.limitPeriod,
      merchant: merchants.find((m) => m.id === g.merchantId) ?? null,
      active: g.active,
    };
  });
}

/** The merchant must be a caring merchant (爱心商户) of the tenant: a 400 on the field otherwise. */
export async function assertMerchant(db: Db, tenantId: string, merchantId: string | null | undefined, field: string) {
  if (!merchantId) return;
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, tenantId),
        eq(organisations.id, merchantId),
        eq(organisations.kind, 'caring_merchant'),
      ),
    );
  if (!row)
    throw new AppError('VALIDATION_FAILED', [
      { field, message: '请选择爱心商户', messageEn: 'Choose a caring merchant' },
    ]);
}
