import { greatCircleDistance, UNITS } from 'h3-js';

/** Minutes of the service circle (15分钟志愿服务圈). */
export const CIRCLE_MINUTES = 15;

export interface ReachSettings {
  /** Walking speed, metres per minute. */
  speedMPerMin: number;
  /** Ratio of walked path to straight line; 1.3 is a common urban figure. */
  detourFactor: number;
}

export const DEFAULT_REACH: ReachSettings = { speedMPerMin: 80, detourFactor: 1.3 };

/** Distance walked in the circle's minutes (along a road network). */
export function walkMeters(s: ReachSettings): number {
  return s.speedMPerMin * CIRCLE_MINUTES;
}

/** Straight-line reach: speed × 15 min ÷ detour factor. */
export function straightReachMeters(s: ReachSettings): number {
  return walkMeters(s) / s.detourFactor;
}

export function metersBetween(aLat: number, aLng: number, bLat: number, bLng: number): number {
  return greatCircleDistance([aLat, aLng], [bLat, bLng], UNITS.m);
}
