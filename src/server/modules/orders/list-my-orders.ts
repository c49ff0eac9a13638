import { and, eq, isNull, or } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { pageOrders } from './order-queries.js';
import { presentOrders } from './present.js';
import type { OrderState } from './schema.js';
import { orders } from './schema.js';
import { loadActorFacts } from './viewer.js';

/** The resident's own orders (and those they placed for someone without an account), newest first. */
export async function listMyOrders(ctx: Ctx, input: { state?: OrderState; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  const { rows, nextCursor } = await pageOrders(
    ctx.db,
    [
      eq(orders.tenantId, actor.tenantId),
      or(
        eq(orders.residentUserId, actor.userId),
        and(isNull(orders.residentUserId), eq(orders.placedBy, actor.userId), eq(orders.channel, 'app')),
      ),
      input.state ? eq(orders.state, input.state) : undefined,
    ],
    input,
  );
  const facts = await loadActorFacts(ctx.db, actor);
  return { items: await presentOrders(ctx.db, rows, facts), nextCursor };
}
