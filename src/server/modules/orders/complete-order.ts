import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { files } from '../../platform/files-schema.js';
import { consoleLink, dispatcherIds, residentLink, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** The serving volunteer finishes, with a summary and photos; the resident is asked to rate. */
export async function completeOrder(ctx: Ctx, id: string, input: { summary: string; photoFileIds: string[] }) {
  return takeEvent(ctx, id, {
    event: 'complete',
    note: input.summary,
    prepare: async (order, facts, now) => {
      const ids = [...new Set(input.photoFileIds)];
      if (ids.length) {
        const found = await ctx.db
          .select({ id: files.id })
          .from(files)
          .where(
            and(
              eq(files.tenantId, order.tenantId),
              inArray(files.id, ids),
              eq(files.purpose, 'photo'),
              eq(files.ownerId, facts.actor?.userId ?? ''),
            ),
          );
        if (found.length !== ids.length)
          throw fieldError('body.photoFileIds', '照片不存在或不是您上传的', 'A photo is missing or not yours');
      }
      return { completedAt: now, summary: input.summary, completionPhotoFileIds: ids };
    },
    notify: async (tx, _before, after, actor) => {
      await tell(tx, after, [after.residentUserId], {
        kind: 'order.completed',
        title: '服务已完成，请您评价',
        link: residentLink(after.id),
        except: actor.userId,
      });
      await tell(tx, after, await dispatcherIds(tx, after.tenantId, after.handlerRegionCode), {
        kind: 'order.completed',
        title: '订单服务已完成',
        link: consoleLink(after.id),
        except: actor.userId,
      });
    },
  });
}
