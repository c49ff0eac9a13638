import type { Ctx } from '../../platform/context.js';
import { takeEvent } from './transition.js';

/** 层层派单: the level an order was sent down to takes it over and now dispatches it itself. */
export async function takeOverOrder(ctx: Ctx, id: string) {
  return takeEvent(ctx, id, {
    event: 'take_over',
    prepare: (order) => ({
      handlerRegionCode: order.targetRegionCode ?? order.handlerRegionCode,
      targetKind: null,
      targetRegionCode: null,
    }),
  });
}
