import type { Ctx } from '../../platform/context.js';
import { takeEvent } from './transition.js';

/** 办结: staff close a completed or rated order. */
export async function closeOrder(ctx: Ctx, id: string) {
  return takeEvent(ctx, id, { event: 'close', prepare: (_order, _facts, now) => ({ closedAt: now }) });
}
