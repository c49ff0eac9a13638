import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { storeSettings } from './schema.js';
import { pickupDays } from './store.js';

export async function getStoreSettings(ctx: Ctx) {
  return { pickupDays: await pickupDays(ctx.db, requireActor(ctx).tenantId) };
}

/** Sets how many days a redemption waits for pickup (centre admins); open redemptions keep their deadline. */
export async function updateStoreSettings(ctx: Ctx, input: { pickupDays: number }) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(storeSettings)
      .values({ tenantId: actor.tenantId, pickupDays: input.pickupDays })
      .onConflictDoUpdate({
        target: storeSettings.tenantId,
        set: { pickupDays: input.pickupDays, updatedAt: new Date() },
      });
    await writeAudit(tx, auditContext(ctx), {
      action: 'store_settings.update',
      entityType: 'store_settings',
      detail: input,
    });
  });
  return getStoreSettings(ctx);
}
