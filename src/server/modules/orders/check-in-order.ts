import type { Ctx } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { distanceMetres } from '../service-menu/index.js';
import { checkInReachM, withinCheckInFence } from './check-in-fence.js';
import { residentLink, tell } from './parties.js';
import { takeEvent } from './transition.js';

export { CHECK_IN_RADIUS_M } from './check-in-fence.js';

export interface CheckInInput {
  lng?: number;
  lat?: number;
  /** The phone's accuracy of lng/lat in metres (geolocation `coords.accuracy`); see check-in-fence.ts. */
  accuracy?: number;
  /** The evidence when the phone gives no position; required then (the contract checks it). */
  note?: string;
}

/**
 * 签到: the serving volunteer starts the service; the time and place are the evidence. A phone that
 * gives no position may still check in on a typed note; the step is then marked 无定位 wherever it shows.
 */
export async function checkInOrder(ctx: Ctx, id: string, input: CheckInInput) {
  const point = input.lng !== undefined && input.lat !== undefined ? { lng: input.lng, lat: input.lat } : null;
  const note = input.note?.trim() || null;
  const accuracyM = point && input.accuracy !== undefined ? Math.round(input.accuracy) : null;
  if (!point && !note)
    throw fieldError('body.note', '无法定位时请填写签到说明', 'Without a position, write a note on where you are');
  return takeEvent(ctx, id, {
    event: 'check_in',
    note,
    data: point
      ? { lng: point.lng, lat: point.lat, ...(accuracyM !== null ? { accuracyM } : {}) }
      : { noLocation: true, flag: '无定位' },
    prepare: (order, _facts, now) => {
      const distanceM =
        point && order.lng !== null && order.lat !== null
          ? distanceMetres({ lng: order.lng, lat: order.lat }, point)
          : null;
      if (distanceM !== null && !withinCheckInFence(distanceM, accuracyM)) {
        const km = (distanceM / 1000).toFixed(1);
        const reach = checkInReachM(accuracyM);
        throw new AppError('ORDER_CHECKIN_TOO_FAR', [
          {
            field: 'body.lng',
            message: `您距服务地点约 ${km} 公里（需在 ${reach} 米内）`,
            messageEn: `You are about ${km} km from the service address (must be within ${reach} m)`,
          },
        ]);
      }
      return {
        checkInAt: now,
        checkInLng: point?.lng ?? null,
        checkInLat: point?.lat ?? null,
        checkInDistanceM: distanceM,
        checkInAccuracyM: accuracyM,
        checkInNote: note,
      };
    },
    notify: (tx, _before, after, actor) =>
      tell(tx, after, [after.residentUserId], {
        kind: 'order.in_service',
        title: '志愿者已到达，开始服务',
        link: residentLink(after.id),
        except: actor.userId,
      }),
  });
}
