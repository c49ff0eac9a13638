import type { Ctx } from '../../platform/context.js';
import { tell, volunteerLink } from './parties.js';
import { takeEvent } from './transition.js';

const cleared = { targetKind: null, targetUserId: null, targetOrganisationId: null, targetRegionCode: null };

/** The dispatcher takes a dispatch back (to send it elsewhere); whoever it waited for is told. */
export async function recallOrder(ctx: Ctx, id: string, reason?: string) {
  return takeEvent(ctx, id, {
    event: 'recall',
    note: reason ?? null,
    prepare: () => cleared,
    notify: (tx, before, after, actor) =>
      tell(tx, after, [before.targetUserId], {
        kind: 'order.recalled',
        title: '派给您的订单已被撤回',
        link: volunteerLink(after.id),
        except: actor.userId,
      }),
  });
}
