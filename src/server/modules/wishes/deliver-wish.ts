import type { Ctx } from '../../platform/context.js';
import { keeperIds } from '../accounts/index.js';
import { consoleLink, h5Link, residentIds, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** 送达: the giver marks the wish delivered; the keeper is asked to confirm. */
export async function deliverWish(ctx: Ctx, id: string, note?: string) {
  return takeEvent(ctx, id, {
    event: 'deliver',
    prepare: (_wish, _facts, now) => ({ deliveredAt: now, deliveryNote: note ?? null }),
    note: note ?? null,
    notify: async (tx, _before, after, actor) => {
      await tell(tx, after, await keeperIds(tx, after.tenantId, after.regionCode), {
        kind: 'wish.delivered',
        title: '微心愿已送达，请确认',
        link: consoleLink(after.id),
        params: { context: 'staff' },
        except: actor.userId,
      });
      await tell(tx, after, residentIds(after), {
        kind: 'wish.delivered',
        title: '您的微心愿已送达',
        link: h5Link(after.id),
        except: actor.userId,
      });
    },
  });
}
