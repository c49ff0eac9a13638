import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findSite } from '../sites/index.js';
import { draftOrder, insertNewOrder } from './new-order.js';
import { orders } from './schema.js';

/** One phone may order this many times a day at kiosks (all stations together). */
export const KIOSK_ORDERS_PER_PHONE_PER_DAY = 3;

export interface KioskOrderInput {
  menuItemId: string;
  contactName: string;
  contactPhone: string;
  address: string;
  description: string;
  windowStart: string;
  windowEnd: string;
}

/**
 * 自助终端点单: anyone at a station's kiosk orders from the menu without signing in. The order is
 * the station's community's, channel `kiosk`, reviewed by its keepers like any other. Limits: the
 * kiosk's orders per hour (KIOSK_ORDERS_PER_HOUR) and one phone's kiosk orders per day, counted
 * from the stored orders so that they hold across restarts and instances; the route limits each
 * network address besides.
 */
export async function placeKioskOrder(ctx: Ctx, siteId: string, input: KioskOrderInput) {
  const site = await findSite(ctx.db, ctx.tenantId, siteId);
  if (site?.kind !== 'station') throw new AppError('NOT_FOUND');
  await checkKioskLimits(ctx, site.id, input.contactPhone);
  const draft = await draftOrder(ctx, site.tenantId, { menuItemId: input.menuItemId, regionCode: site.regionCode });
  const { order: row } = await insertNewOrder(ctx, {
    tenantId: site.tenantId,
    draft,
    description: input.description,
    address: input.address,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    urgency: 'normal',
    photoFileIds: [],
    resident: { userId: null, name: input.contactName, phone: input.contactPhone },
    channel: 'kiosk',
    placedBy: null,
    kiosk: { siteId: site.id, siteName: site.name },
  });
  return {
    number: row.number,
    title: row.title,
    siteName: site.name,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    placedAt: row.placedAt.toISOString(),
  };
}

async function checkKioskLimits(ctx: Ctx, siteId: string, phone: string) {
  const now = Date.now();
  const hourAgo = new Date(now - 3600_000);
  const dayAgo = new Date(now - 86_400_000);
  const [counts] = await ctx.db
    .select({
      kiosk: sql<number>`count(*) filter (where ${and(eq(orders.kioskSiteId, siteId), gt(orders.placedAt, hourAgo))})::int`,
      phone: sql<number>`count(*) filter (where ${eq(orders.contactPhone, phone)})::int`,
    })
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, ctx.tenantId),
        eq(orders.channel, 'kiosk'),
        gt(orders.placedAt, dayAgo),
        or(eq(orders.kioskSiteId, siteId), eq(orders.contactPhone, phone)),
      ),
    );
  if ((counts?.kiosk ?? 0) >= ctx.config.KIOSK_ORDERS_PER_HOUR)
    throw new AppError('RATE_LIMITED', undefined, {
      message: '本终端下单较多，请稍后再试，或请站点工作人员代为下单',
      messageEn: 'This kiosk has taken many orders; try again later or ask the station staff',
    });
  if ((counts?.phone ?? 0) >= KIOSK_ORDERS_PER_PHONE_PER_DAY)
    throw new AppError(
      'RATE_LIMITED',
      [{ field: 'body.contactPhone', message: '今日下单次数已达上限', messageEn: 'Too many orders today' }],
      {
        message: '该手机号今日在自助终端的下单次数已达上限，请明天再试或联系站点工作人员',
        messageEn: 'This phone has ordered at kiosks too often today; try tomorrow or ask the station staff',
      },
    );
}
