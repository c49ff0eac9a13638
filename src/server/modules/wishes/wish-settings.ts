import { eq } from 'drizzle-orm';
import { DEFAULT_WISH_SETTINGS, type WishSettings } from '../../../shared/wish-settings.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { wishSettings } from './schema.js';

export async function readWishSettings(db: Db, tenantId: string): Promise<WishSettings> {
  const [row] = await db.select().from(wishSettings).where(eq(wishSettings.tenantId, tenantId));
  return row
    ? { personClaimLimit: row.personClaimLimit, organisationClaimLimit: row.organisationClaimLimit }
    : DEFAULT_WISH_SETTINGS;
}

/** The tenant's claim limits (the defaults until a centre admin changes them). */
export async function getWishSettings(ctx: Ctx): Promise<WishSettings> {
  return readWishSettings(ctx.db, requireActor(ctx).tenantId);
}

/**
 * Sets the claim limits (centre admins), audited with the values before and after. Claims already
 * held stay; a lower limit refuses the next claim of whoever holds as many or more.
 */
export async function updateWishSettings(ctx: Ctx, input: WishSettings): Promise<WishSettings> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await readWishSettings(tx, actor.tenantId);
    await tx
      .insert(wishSettings)
      .values({ tenantId: actor.tenantId, ...input })
      .onConflictDoUpdate({ target: wishSettings.tenantId, set: { ...input, updatedAt: new Date() } });
    await writeAudit(tx, auditContext(ctx), {
      action: 'wish_settings.update',
      entityType: 'wish_settings',
      detail: { before, after: input },
    });
    return input;
  });
}
