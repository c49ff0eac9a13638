import type { Ctx } from '../../platform/context.js';
import { presentOrderDetail } from './present.js';
import { loadOrderFor } from './transition.js';

/** One order with its timeline and photos, for anyone it concerns. */
export async function getOrder(ctx: Ctx, id: string) {
  const { facts, order } = await loadOrderFor(ctx, id);
  return presentOrderDetail(ctx.db, ctx.config, order, facts);
}
