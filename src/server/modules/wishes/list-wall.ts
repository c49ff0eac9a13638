import { eq } from 'drizzle-orm';
import { subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { presentWishes } from './present.js';
import { wishes } from './schema.js';
import { loadWishFacts } from './viewer.js';
import { pageWishes } from './wish-queries.js';

export interface WallInput {
  regionCode?: string;
  state?: 'approved' | 'claimed' | 'delivered' | 'confirmed' | 'thanked';
  limit: number;
  cursor?: string;
}

/**
 * 微心愿墙: reviewed wishes of the district (or one subdistrict or community), for volunteers and caring
 * merchants to claim. The resident's name is masked; neither phone nor address is shown.
 */
export async function listWall(ctx: Ctx, input: WallInput) {
  const actor = requireActor(ctx);
  const { rows, nextCursor } = await pageWishes(
    ctx.db,
    [
      eq(wishes.tenantId, actor.tenantId),
      eq(wishes.state, input.state ?? 'approved'),
      input.regionCode ? subtreeCondition(wishes.regionCode, [input.regionCode]) : undefined,
    ],
    input,
  );
  const facts = await loadWishFacts(ctx.db, actor);
  return { items: await presentWishes(ctx.db, ctx.config, rows, facts), nextCursor };
}
