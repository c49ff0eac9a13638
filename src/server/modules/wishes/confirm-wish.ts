import type { Ctx } from '../../platform/context.js';
import { giverIds, h5Link, residentIds, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** 确认送达: the keeper in scope confirms the resident received it; the resident may now thank the giver. */
export async function confirmWish(ctx: Ctx, id: string) {
  return takeEvent(ctx, id, {
    event: 'confirm',
    prepare: (_wish, facts, now) => ({ confirmedBy: facts.actor?.userId ?? null, confirmedAt: now }),
    notify: async (tx, _before, after, actor) => {
      await tell(tx, after, await giverIds(tx, after), {
        kind: 'wish.confirmed',
        title: '社区已确认您送达的微心愿，感谢您的爱心',
        link: h5Link(after.id),
        params: { context: 'giver' },
        except: actor.userId,
      });
      await tell(tx, after, residentIds(after), {
        kind: 'wish.confirmed',
        title: '社区已确认您的微心愿送达，可以向爱心人士致谢',
        link: h5Link(after.id),
        except: actor.userId,
      });
    },
  });
}
