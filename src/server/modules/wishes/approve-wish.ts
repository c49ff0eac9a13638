import type { Ctx } from '../../platform/context.js';
import { h5Link, residentIds, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** 审核通过: the keeper in scope puts the wish on the wall, where volunteers and caring merchants can claim it. */
export async function approveWish(ctx: Ctx, id: string) {
  return takeEvent(ctx, id, {
    event: 'approve',
    prepare: (_wish, facts, now) => ({ reviewedBy: facts.actor?.userId ?? null, reviewedAt: now }),
    notify: async (tx, _before, after, actor) => {
      await tell(tx, after, residentIds(after), {
        kind: 'wish.approved',
        title: '您的微心愿已通过审核，等待爱心人士认领',
        link: h5Link(after.id),
        except: actor.userId,
      });
    },
  });
}
