import type { Ctx } from '../../platform/context.js';
import { keeperIds } from '../accounts/index.js';
import { consoleLink, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** 拒单: the volunteer, team or lower level hands the order back to the dispatcher, with a reason. */
export async function declineOrder(ctx: Ctx, id: string, reason: string) {
  return takeEvent(ctx, id, {
    event: 'decline',
    note: reason,
    prepare: () => ({ targetKind: null, targetUserId: null, targetOrganisationId: null, targetRegionCode: null }),
    notify: async (tx, before, after, actor) => {
      const to = before.dispatchedBy
        ? [before.dispatchedBy]
        : await keeperIds(tx, after.tenantId, after.handlerRegionCode);
      await tell(tx, after, to, {
        kind: 'order.declined',
        title: '订单被退回，请重新派单',
        body: `${after.title}（${after.number}）：${reason}`,
        params: { reason },
        link: consoleLink(after.id),
        except: actor.userId,
      });
    },
  });
}
