import { eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { orderSettings } from './schema.js';

export interface OrderSettings {
  reviewLimitMinutes: number;
  acceptLimitMinutes: number;
  urgentFactorPercent: number;
}

export const defaultSettings: OrderSettings = {
  reviewLimitMinutes: 120,
  acceptLimitMinutes: 60,
  urgentFactorPercent: 50,
};

export async function readSettings(db: Db, tenantId: string): Promise<OrderSettings> {
  const [row] = await db.select().from(orderSettings).where(eq(orderSettings.tenantId, tenantId));
  return row
    ? {
        reviewLimitMinutes: row.reviewLimitMinutes,
        acceptLimitMinutes: row.acceptLimitMinutes,
        urgentFactorPercent: row.urgentFactorPercent,
      }
    : defaultSettings;
}

/** When the review or the acceptance of an order started at `from` falls due. */
export function dueAt(settings: OrderSettings, kind: 'review' | 'accept', urgency: string, from: Date): Date {
  const minutes = kind === 'review' ? settings.reviewLimitMinutes : settings.acceptLimitMinutes;
  const factor = urgency === 'urgent' ? settings.urgentFactorPercent / 100 : 1;
  return new Date(from.getTime() + Math.round(minutes * factor) * 60_000);
}

export async function getOrderSettings(ctx: Ctx) {
  return readSettings(ctx.db, requireActor(ctx).tenantId);
}

/** Sets the tenant's time limits (centre admins); orders already waiting keep the deadline they have. */
export async function updateOrderSettings(ctx: Ctx, input: OrderSettings) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(orderSettings)
      .values({ tenantId: actor.tenantId, ...input })
      .onConflictDoUpdate({ target: orderSettings.tenantId, set: { ...input, updatedAt: new Date() } });
    await writeAudit(tx, auditContext(ctx), {
      action: 'order_settings.update',
      entityType: 'order_settings',
      detail: { ...input },
    });
  });
  return readSettings(ctx.db, actor.tenantId);
}
