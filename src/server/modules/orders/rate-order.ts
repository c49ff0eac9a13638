import type { Ctx } from '../../platform/context.js';
import { tell, volunteerLink } from './parties.js';
import { takeEvent } from './transition.js';

/** 评单: the resident gives 1–5 stars and a comment; the volunteer hears about it. */
export async function rateOrder(ctx: Ctx, id: string, input: { stars: number; comment: string }) {
  return takeEvent(ctx, id, {
    event: 'rate',
    note: input.comment || null,
    data: { stars: input.stars },
    prepare: (_order, _facts, now) => ({ stars: input.stars, comment: input.comment, ratedAt: now }),
    notify: (tx, _before, after, actor) =>
      tell(tx, after, [after.volunteerUserId], {
        kind: 'order.rated',
        title: `居民给您的服务评了${input.stars}星`,
        body: input.comment || `${after.title}（${after.number}）`,
        params: input.comment
          ? { stars: input.stars, comment: input.comment, context: 'comment' }
          : { stars: input.stars },
        link: volunteerLink(after.id),
        except: actor.userId,
      }),
  });
}
