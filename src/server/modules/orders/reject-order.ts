import type { Ctx } from '../../platform/context.js';
import { residentLink, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** The handling level turns the order down, with a reason the resident reads. */
export async function rejectOrder(ctx: Ctx, id: string, reason: string) {
  return takeEvent(ctx, id, {
    event: 'reject',
    note: reason,
    prepare: (_order, _facts, now) => ({ rejectReason: reason, reviewedAt: now, reviewDueAt: null }),
    notify: (tx, _before, after, actor) =>
      tell(tx, after, [after.residentUserId], {
        kind: 'order.rejected',
        title: '您的订单未通过审核',
        body: `${after.title}：${reason}`,
        params: { reason },
        link: residentLink(after.id),
        except: actor.userId,
      }),
  });
}
