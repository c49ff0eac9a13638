/** Minutes of the service circle (15分钟志愿服务圈). */
export const CIRCLE_MINUTES = 15;

export interface ReachSettings {
  /** Walking speed, metres per minute. */
  speedMPerMin: number;
  /** Ratio of walked path to straight line; 1.3 is a common urban figure. */
  detourFactor: number;
  /** Minutes of the circle; 15 unless the tenant changes it. */
  minutes?: number;
}

export const DEFAULT_REACH: ReachSettings = { speedMPerMin: 80, detourFactor: 1.3 };

/** Distance walked in the circle's minutes (along a road network). */
export function walkMeters(s: ReachSettings): number {
  return s.speedMPerMin * (s.minutes ?? CIRCLE_MINUTES);
}

/** Straight-line reach: speed × 15 min ÷ detour factor. */
export function straightReachMeters(s: ReachSettings): number {
  return walkMeters(s) / s.detourFactor;
}

const EARTH_RADIUS_M = 6_371_008.8; // the mean radius h3 uses
const RAD = Math.PI / 180;

/** Great-circle distance (haversine), metres. */
export function metersBetween(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const dLat = Math.sin(((bLat - aLat) * RAD) / 2);
  const dLng = Math.sin(((bLng - aLng) * RAD) / 2);
  const h = dLat * dLat + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * dLng * dLng;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

const M_PER_DEG = EARTH_RADIUS_M * RAD;

/**
 * A local equirectangular projection (metres) for index lookups. Within a district its distances differ
 * from great-circle ones by well under 1 %; callers search a slightly wider radius and check exactly.
 */
export function projector(originLat: number): (lat: number, lng: number) => [number, number] {
  const cos = Math.cos(originLat * RAD);
  return (lat, lng) => [lng * M_PER_DEG * cos, lat * M_PER_DEG];
}
