import type { Ctx } from '../../platform/context.js';
import { giverIds, h5Link, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** 致谢: the resident leaves a thank-you message, which the giver sees (and is told of). */
export async function thankWish(ctx: Ctx, id: string, message: string) {
  return takeEvent(ctx, id, {
    event: 'thank',
    prepare: (_wish, _facts, now) => ({ thanks: message, thankedAt: now }),
    note: message,
    notify: async (tx, _before, after, actor) => {
      await tell(tx, after, await giverIds(tx, after), {
        kind: 'wish.thanked',
        title: '心愿人向您致谢',
        body: `${after.title}：${message}`,
        link: h5Link(after.id),
        params: { message },
        except: actor.userId,
      });
    },
  });
}
