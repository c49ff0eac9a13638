import { eq, inArray, or } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { presentWishes } from './present.js';
import { type WishState, wishes } from './schema.js';
import { loadWishFacts } from './viewer.js';
import { pageWishes } from './wish-queries.js';

/** 我的认领: wishes the caller claimed, or that were claimed for an organisation they manage. */
export async function listMyClaims(ctx: Ctx, input: { state?: WishState; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  const facts = await loadWishFacts(ctx.db, actor);
  const orgIds = facts.organisations.map((o) => o.id);
  const { rows, nextCursor } = await pageWishes(
    ctx.db,
    [
      eq(wishes.tenantId, actor.tenantId),
      or(
        eq(wishes.claimerUserId, actor.userId),
        orgIds.length ? inArray(wishes.claimerOrganisationId, orgIds) : undefined,
      ),
      input.state ? eq(wishes.state, input.state) : undefined,
    ],
    input,
  );
  return { items: await presentWishes(ctx.db, ctx.config, rows, facts), nextCursor };
}
