import type { Ctx } from '../../platform/context.js';
import { residentLink, tell } from './parties.js';
import { dueAt, readSettings } from './settings.js';
import { takeEvent } from './transition.js';

/** 审单: the handling level approves the order; it now waits to be dispatched and accepted. */
export async function reviewOrder(ctx: Ctx, id: string) {
  return takeEvent(ctx, id, {
    event: 'review',
    prepare: async (order, _facts, now) => ({
      reviewedAt: now,
      acceptDueAt: dueAt(await readSettings(ctx.db, order.tenantId), 'accept', order.urgency, now),
    }),
    notify: (tx, _before, after, actor) =>
      tell(tx, after, [after.residentUserId], {
        kind: 'order.reviewed',
        title: '您的订单已通过审核，正在安排志愿者',
        link: residentLink(after.id),
        except: actor.userId,
      }),
  });
}
