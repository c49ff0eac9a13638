import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';
import type { OrderRow } from './machine.js';
import { volunteerBlocks } from './schema.js';
import { findOrder } from './transition.js';

/** States in which the resident has met the volunteer and may block them. */
const served = new Set<OrderRow['state']>(['completed', 'rated', 'closed']);

/** The caller's own order with its volunteer; NOT_FOUND for anyone else's, as for one that does not exist. */
async function residentsServedOrder(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const order = await findOrder(ctx.db, actor.tenantId, id);
  if (!order || order.residentUserId !== actor.userId) throw new AppError('NOT_FOUND');
  if (!served.has(order.state) || !order.volunteerUserId)
    throw new AppError('CONFLICT', undefined, {
      message: '服务完成后才能屏蔽为您服务的志愿者',
      messageEn: 'You can block the volunteer once the service is completed',
    });
  return { actor, order, volunteerUserId: order.volunteerUserId };
}

async function present(ctx: Ctx, residentUserId: string, volunteerUserId: string) {
  const [row] = await ctx.db
    .select({ name: users.displayName, blockedAt: volunteerBlocks.createdAt })
    .from(users)
    .leftJoin(
      volunteerBlocks,
      and(
        eq(volunteerBlocks.tenantId, users.tenantId),
        eq(volunteerBlocks.volunteerUserId, users.id),
        eq(volunteerBlocks.residentUserId, residentUserId),
      ),
    )
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, volunteerUserId)));
  return { volunteerName: row?.name ?? '', blocked: !!row?.blockedAt };
}

/** Whether the resident has blocked the volunteer who served this order. */
export async function getVolunteerBlock(ctx: Ctx, id: string) {
  const { actor, volunteerUserId } = await residentsServedOrder(ctx, id);
  return present(ctx, actor.userId, volunteerUserId);
}

/** 屏蔽: the resident blocks the volunteer who served this order from their future orders. */
export async function blockVolunteer(ctx: Ctx, id: string) {
  const { actor, order, volunteerUserId } = await residentsServedOrder(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const added = await tx
      .insert(volunteerBlocks)
      .values({ tenantId: actor.tenantId, residentUserId: actor.userId, volunteerUserId, orderId: order.id })
      .onConflictDoNothing()
      .returning({ orderId: volunteerBlocks.orderId });
    if (added.length)
      await writeAudit(tx, auditContext(ctx), {
        action: 'order.block_volunteer',
        entityType: 'order',
        entityId: order.id,
        regionCode: order.regionCode,
        detail: { volunteerUserId },
      });
  });
  return present(ctx, actor.userId, volunteerUserId);
}

/** The undo: the volunteer may serve the resident's orders again. */
export async function unblockVolunteer(ctx: Ctx, id: string) {
  const { actor, order, volunteerUserId } = await residentsServedOrder(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(volunteerBlocks)
      .where(
        and(
          eq(volunteerBlocks.tenantId, actor.tenantId),
          eq(volunteerBlocks.residentUserId, actor.userId),
          eq(volunteerBlocks.volunteerUserId, volunteerUserId),
        ),
      )
      .returning({ orderId: volunteerBlocks.orderId });
    if (removed.length)
      await writeAudit(tx, auditContext(ctx), {
        action: 'order.unblock_volunteer',
        entityType: 'order',
        entityId: order.id,
        regionCode: order.regionCode,
        detail: { volunteerUserId },
      });
  });
  return present(ctx, actor.userId, volunteerUserId);
}
