import type { Ctx } from '../../platform/context.js';
import { keeperIds } from '../accounts/index.js';
import { consoleLink, tell, volunteerLink } from './parties.js';
import { takeEvent } from './transition.js';

/** The resident (or whoever placed it) cancels before the service starts; everyone involved is told. */
export async function cancelOrder(ctx: Ctx, id: string, reason?: string) {
  return takeEvent(ctx, id, {
    event: 'cancel',
    note: reason ?? null,
    prepare: (_order, _facts, now) => ({
      cancelledAt: now,
      cancelReason: reason ?? null,
      acceptDueAt: null,
      reviewDueAt: null,
    }),
    notify: async (tx, before, after, actor) => {
      const message = { kind: 'order.cancelled', title: '订单已被居民取消', except: actor.userId };
      await tell(tx, after, [before.volunteerUserId, before.targetUserId], {
        ...message,
        link: volunteerLink(after.id),
      });
      await tell(tx, after, await keeperIds(tx, after.tenantId, after.handlerRegionCode), {
        ...message,
        link: consoleLink(after.id),
      });
    },
  });
}
