import { eq, inArray } from 'drizzle-orm';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { pageOrders } from './order-queries.js';
import { presentOrders } from './present.js';
import type { OrderState } from './schema.js';
import { orders } from './schema.js';
import { loadActorFacts } from './viewer.js';

export interface ListOrdersInput {
  state?: OrderState;
  regionCode?: string;
  queue: 'all' | 'mine';
  limit: number;
  cursor?: string;
}

/**
 * Orders of the communities in the caller's scope. `queue=mine` is the dispatcher's desk: orders
 * the caller's level handles now that wait for review, dispatch or acceptance, soonest deadline first.
 */
export async function listOrders(ctx: Ctx, input: ListOrdersInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const queue = input.queue === 'mine';
  const { rows, nextCursor } = await pageOrders(
    ctx.db,
    [
      eq(orders.tenantId, actor.tenantId),
      scopeCondition(actor, orders.regionCode),
      queue ? scopeCondition(actor, orders.handlerRegionCode) : undefined,
      queue && !input.state ? inArray(orders.state, ['submitted', 'reviewed', 'dispatched']) : undefined,
      input.regionCode ? subtreeCondition(orders.regionCode, [input.regionCode]) : undefined,
      input.state ? eq(orders.state, input.state) : undefined,
    ],
    input,
    queue ? 'due' : 'recent',
  );
  const facts = await loadActorFacts(ctx.db, actor);
  return { items: await presentOrders(ctx.db, rows, facts), nextCursor };
}
