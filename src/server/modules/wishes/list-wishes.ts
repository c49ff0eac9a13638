import { eq } from 'drizzle-orm';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { presentWishes } from './present.js';
import { type WishState, wishes } from './schema.js';
import { loadWishFacts } from './viewer.js';
import { pageWishes } from './wish-queries.js';

export interface ListWishesInput {
  state?: WishState;
  regionCode?: string;
  queue: 'all' | 'review' | 'confirm';
  limit: number;
  cursor?: string;
}

/** Staff: the wishes of the communities in scope; `queue` narrows to those waiting for review or for confirmation. */
export async function listWishes(ctx: Ctx, input: ListWishesInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const queueState = input.queue === 'review' ? 'submitted' : input.queue === 'confirm' ? 'delivered' : undefined;
  const state = input.state ?? queueState;
  const { rows, nextCursor } = await pageWishes(
    ctx.db,
    [
      eq(wishes.tenantId, actor.tenantId),
      scopeCondition(actor, wishes.regionCode),
      input.regionCode ? subtreeCondition(wishes.regionCode, [input.regionCode]) : undefined,
      state ? eq(wishes.state, state) : undefined,
    ],
    input,
  );
  const facts = await loadWishFacts(ctx.db, actor);
  return { items: await presentWishes(ctx.db, ctx.config, rows, facts), nextCursor };
}
