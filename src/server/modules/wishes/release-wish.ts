import type { Ctx } from '../../platform/context.js';
import { keeperIds } from '../accounts/index.js';
import { consoleLink, giverIds, h5Link, residentIds, tell } from './parties.js';
import { takeEvent } from './transition.js';

/**
 * 放弃认领: the claimer gives the wish back before delivering it; it is open for claiming again. The
 * resident, the keepers and the claimer's side (the other managers of an organisation that claimed
 * it) are told it is back on the wall.
 */
export async function releaseWish(ctx: Ctx, id: string, reason?: string) {
  return takeEvent(ctx, id, {
    event: 'release',
    prepare: () => ({ claimerUserId: null, claimerOrganisationId: null, claimedAt: null }),
    note: reason ?? null,
    notify: async (tx, before, after, actor) => {
      await tell(tx, after, residentIds(after), {
        kind: 'wish.released',
        title: '认领人放弃了您的微心愿，正在等待新的认领',
        link: h5Link(after.id),
        except: actor.userId,
      });
      await tell(tx, after, await keeperIds(tx, after.tenantId, after.regionCode), {
        kind: 'wish.released',
        title: '微心愿被放弃认领，已重新上墙',
        link: consoleLink(after.id),
        params: { context: 'staff' },
        except: before.claimerUserId,
      });
      await tell(tx, after, await giverIds(tx, before), {
        kind: 'wish.released',
        title: '您所在组织认领的微心愿已放弃认领，已重新上墙',
        link: h5Link(after.id),
        except: actor.userId,
        params: { context: 'giver' },
      });
    },
  });
}
