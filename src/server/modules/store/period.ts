/** Limit periods and pickup codes. Pure. China time (UTC+8, no daylight saving). */
import { randomInt } from 'node:crypto';
import type { LimitPeriod } from './schema.js';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The start (a UTC instant) of the day, ISO week (from Monday) or month in China time that holds `now`. */
export function periodStart(period: LimitPeriod, now: Date): Date {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  let startLocal: number;
  if (period === 'day') startLocal = Date.UTC(y, m, d);
  else if (period === 'month') startLocal = Date.UTC(y, m, 1);
  else startLocal = Date.UTC(y, m, d) - ((local.getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(startLocal - CHINA_OFFSET_MS);
}

/** The start of the China-time day holding `now` (today's pickups). */
export const dayStart = (now: Date) => periodStart('day', now);

export const PICKUP_CODE_LENGTH = 8;

/** A pickup code: 8 random digits from the operating system's generator (10⁸ codes; guessing is rate-limited). */
export function newPickupCode(): string {
  return String(randomInt(0, 10 ** PICKUP_CODE_LENGTH)).padStart(PICKUP_CODE_LENGTH, '0');
}
