import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { preparedRecentPage } from './order-queries.js';
import { presentOrders } from './present.js';
import type { OrderState } from './schema.js';
import { orders } from './schema.js';
import { loadActorFacts } from './viewer.js';

/** Shapes: whether a cursor continues (`c`/`-`, added by the page), whether a state filters (`s`/`-`). */
const myPage = preparedRecentPage('my_orders', (shape) => [
  eq(orders.tenantId, sql.placeholder('tenantId')),
  or(
    eq(orders.residentUserId, sql.placeholder('userId')),
    and(isNull(orders.residentUserId), eq(orders.placedBy, sql.placeholder('userId')), eq(orders.channel, 'app')),
  ),
  shape.endsWith('s') ? eq(orders.state, sql.placeholder('state')) : undefined,
]);

/** The resident's own orders (and those they placed for someone without an account), newest first. */
export async function listMyOrders(ctx: Ctx, input: { state?: OrderState; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  const { rows, nextCursor } = await myPage(
    ctx.db,
    input.state ? 's' : '-',
    { tenantId: actor.tenantId, userId: actor.userId, state: input.state },
    input,
  );
  const facts = await loadActorFacts(ctx.db, actor);
  return { items: await presentOrders(ctx.db, rows, facts), nextCursor };
}
