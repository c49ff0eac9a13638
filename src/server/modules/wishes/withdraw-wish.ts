import type { Ctx } from '../../platform/context.js';
import { keeperIds } from '../accounts/index.js';
import { consoleLink, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** 撤回: the resident (or whoever placed it) takes the wish back before anyone claims it. */
export async function withdrawWish(ctx: Ctx, id: string, reason?: string) {
  return takeEvent(ctx, id, {
    event: 'withdraw',
    prepare: (_wish, _facts, now) => ({ withdrawnAt: now, withdrawReason: reason ?? null }),
    note: reason ?? null,
    notify: async (tx, _before, after, actor) => {
      await tell(tx, after, await keeperIds(tx, after.tenantId, after.regionCode), {
        kind: 'wish.withdrawn',
        title: '居民撤回了微心愿',
        link: consoleLink(after.id),
        except: actor.userId,
      });
    },
  });
}
