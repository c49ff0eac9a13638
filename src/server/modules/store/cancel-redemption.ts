import { inScope, isStaff } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findRedemption, presentRedemption, releaseRedemption } from './redemptions.js';

/**
 * Cancels a redemption before pickup: by the volunteer who placed it, or by staff of the store's
 * scope. The stock and the points come back. Anyone else gets NOT_FOUND.
 */
export async function cancelRedemption(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const redemption = await findRedemption(ctx.db, actor.tenantId, id);
  const own = redemption?.userId === actor.userId;
  if (!redemption || !(own || (isStaff(actor) && inScope(actor, redemption.regionCode))))
    throw new AppError('NOT_FOUND');
  const released = await releaseRedemption(ctx.db, actor.tenantId, id, {
    status: 'cancelled',
    actorId: actor.userId,
    at: new Date(),
  });
  if (!released) throw new AppError('STORE_REDEMPTION_NOT_OPEN');
  await writeAudit(ctx.db, auditContext(ctx), {
    action: 'store.redemption.cancel',
    entityType: 'store_redemption',
    entityId: id,
    regionCode: redemption.regionCode,
    detail: { byVolunteer: own },
  });
  return presentRedemption(ctx, id, { withCode: own });
}
