import { and, eq, isNull, or } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { presentWishes } from './present.js';
import { type WishState, wishes } from './schema.js';
import { loadWishFacts } from './viewer.js';
import { pageWishes } from './wish-queries.js';

/** The resident's own wishes (and those they placed for someone without an account), newest first. */
export async function listMyWishes(ctx: Ctx, input: { state?: WishState; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  const { rows, nextCursor } = await pageWishes(
    ctx.db,
    [
      eq(wishes.tenantId, actor.tenantId),
      or(
        eq(wishes.beneficiaryUserId, actor.userId),
        and(isNull(wishes.beneficiaryUserId), eq(wishes.placedBy, actor.userId), eq(wishes.channel, 'app')),
      ),
      input.state ? eq(wishes.state, input.state) : undefined,
    ],
    input,
  );
  const facts = await loadWishFacts(ctx.db, actor);
  return { items: await presentWishes(ctx.db, ctx.config, rows, facts), nextCursor };
}
