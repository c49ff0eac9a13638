/**
 * The check-in geofence. A browser reports a position and its accuracy (the radius, in metres, of
 * the circle the device is probably in). A check-in is accepted when that circle reaches the
 * activity's circle: distance ≤ radius + accuracy. A position vaguer than MAX_ACCURACY_M proves
 * nothing and is refused as such, so a coarse network fix cannot stretch the fence to a whole town.
 * Pure.
 */
import { distanceMetres, type Point } from '../service-menu/index.js';

export const MAX_ACCURACY_M = 500;

export type FenceVerdict =
  | { ok: true; distanceM: number }
  | { ok: false; reason: 'too_far'; distanceM: number; radiusM: number }
  | { ok: false; reason: 'imprecise'; accuracyM: number };

export function judgePosition(place: Point, radiusM: number, position: Point & { accuracyM: number }): FenceVerdict {
  const distanceM = distanceMetres(place, position);
  if (position.accuracyM > MAX_ACCURACY_M) return { ok: false, reason: 'imprecise', accuracyM: position.accuracyM };
  if (distanceM <= radiusM + position.accuracyM) return { ok: true, distanceM };
  return { ok: false, reason: 'too_far', distanceM, radiusM };
}

/** "约 5.0 公里" / "about 5.0 km", "约 800 米" / "about 800 m". */
export function describeDistance(metres: number): { zh: string; en: string } {
  if (metres >= 1000) {
    const km = (metres / 1000).toFixed(1);
    return { zh: `约 ${km} 公里`, en: `about ${km} km` };
  }
  return { zh: `约 ${metres} 米`, en: `about ${metres} m` };
}
