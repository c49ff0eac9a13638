import type { Ctx } from '../../platform/context.js';
import { presentWishDetail } from './present.js';
import { loadWishFor } from './transition.js';

/** One wish: in full for its parties, masked (as on the wall) for anyone else once it is reviewed. */
export async function getWish(ctx: Ctx, id: string) {
  const { facts, wish } = await loadWishFor(ctx, id);
  return presentWishDetail(ctx.db, ctx.config, wish, facts);
}
