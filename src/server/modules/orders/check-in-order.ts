import type { Ctx } from '../../platform/context.js';
import { distanceMetres } from '../service-menu/index.js';
import { residentLink, tell } from './parties.js';
import { takeEvent } from './transition.js';

/** 签到: the serving volunteer starts the service; the time and place are the evidence. */
export async function checkInOrder(ctx: Ctx, id: string, point: { lng: number; lat: number }) {
  return takeEvent(ctx, id, {
    event: 'check_in',
    data: { lng: point.lng, lat: point.lat },
    prepare: (order, _facts, now) => ({
      checkInAt: now,
      checkInLng: point.lng,
      checkInLat: point.lat,
      checkInDistanceM:
        order.lng !== null && order.lat !== null ? distanceMetres({ lng: order.lng, lat: order.lat }, point) : null,
    }),
    notify: (tx, _before, after, actor) =>
      tell(tx, after, [after.residentUserId], {
        kind: 'order.in_service',
        title: '志愿者已到达，开始服务',
        link: residentLink(after.id),
        except: actor.userId,
      }),
  });
}
