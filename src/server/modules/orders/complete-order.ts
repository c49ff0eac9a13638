import type { Ctx } from '../../platform/context.js';
import { attachFiles } from '../../platform/files.js';
import { keeperIds } from '../accounts/index.js';
import { hoursSettingsFor, recordService, serviceMinutes } from '../hours/index.js';
import { consoleLink, residentLink, tell } from './parties.js';
import { takeEvent } from './transition.js';

/**
 * The serving volunteer finishes, with a summary and photos; the resident is asked to rate. The time
 * from check-in to completion becomes a pending service record for the volunteer (hours module),
 * in the same transaction.
 */
export async function completeOrder(ctx: Ctx, id: string, input: { summary: string; photoFileIds: string[] }) {
  return takeEvent(ctx, id, {
    event: 'complete',
    note: input.summary,
    prepare: (_order, _facts, now) => ({
      completedAt: now,
      summary: input.summary,
      completionPhotoFileIds: [...new Set(input.photoFileIds)],
    }),
    write: (tx, after, actor) =>
      attachFiles(tx, {
        tenantId: after.tenantId,
        ids: after.completionPhotoFileIds,
        ownerId: actor.userId,
        purpose: 'photo',
        regionCode: after.regionCode,
        field: 'body.photoFileIds',
      }),
    notify: async (tx, _before, after, actor) => {
      if (after.volunteerUserId && after.checkInAt && after.completedAt) {
        const { rounding } = await hoursSettingsFor(tx, after.tenantId);
        const span = { checkIn: after.checkInAt, checkOut: after.completedAt };
        await recordService(tx, {
          tenantId: after.tenantId,
          volunteerUserId: after.volunteerUserId,
          source: { type: 'order', id: after.id },
          regionCode: after.regionCode,
          organisationId: after.organisationId,
          content: `订单服务：${after.title}`,
          minutes: serviceMinutes({ ...span, windowStart: span.checkIn, windowEnd: span.checkOut, rounding }),
          startedAt: after.checkInAt,
          endedAt: after.completedAt,
          recordedBy: actor.userId,
        });
      }
      await tell(tx, after, [after.residentUserId], {
        kind: 'order.completed',
        title: '服务已完成，请您评价',
        link: residentLink(after.id),
        except: actor.userId,
      });
      await tell(tx, after, await keeperIds(tx, after.tenantId, after.handlerRegionCode), {
        kind: 'order.completed',
        title: '订单服务已完成',
        params: { context: 'staff' },
        link: consoleLink(after.id),
        except: actor.userId,
      });
    },
  });
}
