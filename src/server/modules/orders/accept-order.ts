import type { Ctx } from '../../platform/context.js';
import { keeperIds } from '../accounts/index.js';
import { consoleLink, residentLink, tell } from './parties.js';
import { takeEvent } from './transition.js';

/**
 * 接单 / 抢单: the named volunteer, a member of the named team, or (open orders) any eligible volunteer
 * accepts. Of several grabbing at once exactly one wins; the others get 409.
 */
export async function acceptOrder(ctx: Ctx, id: string) {
  return takeEvent(ctx, id, {
    event: 'accept',
    prepare: (order, _facts, now) => ({
      volunteerUserId: ctx.actor?.userId ?? null,
      organisationId: order.targetKind === 'team' ? order.targetOrganisationId : null,
      acceptedAt: now,
      acceptDueAt: null,
    }),
    notify: async (tx, _before, after, actor) => {
      await tell(tx, after, [after.residentUserId], {
        kind: 'order.accepted',
        title: `志愿者${actor.displayName}已接单`,
        params: { name: actor.displayName },
        link: residentLink(after.id),
        except: actor.userId,
      });
      await tell(tx, after, [after.dispatchedBy ?? null], {
        kind: 'order.accepted',
        title: '订单已被接单',
        params: { context: 'staff' },
        link: consoleLink(after.id),
        except: actor.userId,
      });
      if (!after.dispatchedBy)
        await tell(tx, after, await keeperIds(tx, after.tenantId, after.handlerRegionCode), {
          kind: 'order.accepted',
          title: '订单已被接单',
          params: { context: 'staff' },
          link: consoleLink(after.id),
          except: actor.userId,
        });
    },
  });
}
