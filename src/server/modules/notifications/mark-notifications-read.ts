import { and, eq, isNull } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notifications } from './schema.js';

/** Marks one of the caller's messages read (idempotent); someone else's message is NOT_FOUND. */
export async function markNotificationRead(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const mine = and(
    eq(notifications.tenantId, actor.tenantId),
    eq(notifications.userId, actor.userId),
    eq(notifications.id, id),
  );
  const [row] = await ctx.db.select({ readAt: notifications.readAt }).from(notifications).where(mine);
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.readAt) await ctx.db.update(notifications).set({ readAt: new Date() }).where(mine);
  return { ok: true as const };
}

/** Marks every unread message of the caller read; answers how many changed. */
export async function markAllNotificationsRead(ctx: Ctx) {
  const actor = requireActor(ctx);
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.tenantId, actor.tenantId),
        eq(notifications.userId, actor.userId),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return { updated: updated.length };
}
