import type { Ctx } from '../../platform/context.js';
import { h5Link, residentIds, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** 驳回: the keeper in scope refuses the wish, with a reason the resident sees. */
export async function rejectWish(ctx: Ctx, id: string, reason: string) {
  return takeEvent(ctx, id, {
    event: 'reject',
    prepare: (_wish, facts, now) => ({
      reviewedBy: facts.actor?.userId ?? null,
      reviewedAt: now,
      rejectReason: reason,
    }),
    note: reason,
    notify: async (tx, _before, after, actor) => {
      await tell(tx, after, residentIds(after), {
        kind: 'wish.rejected',
        title: '您的微心愿未通过审核',
        body: `${after.title}：${reason}`,
        link: h5Link(after.id),
        params: { reason },
        except: actor.userId,
      });
    },
  });
}
