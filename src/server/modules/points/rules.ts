/**
 * Pure earning and expiry arithmetic (no I/O).
 *
 * Rounding: points for `minutes` at `perHour` are minutes × perHour / 60 rounded to the nearest
 * integer, halves up (45 min at 10/h = 7.5 → 8; 2 min at 10/h = 0.33 → 0). Each confirmation is
 * rounded on its own; a reversal takes back exactly what its confirmation credited, never a
 * recomputation under the rules of the day.
 */
export function pointsForMinutes(minutes: number, perHour: number): number {
  if (minutes <= 0 || perHour <= 0) return 0;
  return Math.floor((minutes * perHour * 2 + 60) / 120);
}

/**
 * How much of a reversal of `owedBack` points can be taken from a balance of `balance` now, and
 * what stays outstanding (taken from later earnings).
 */
export function splitReversal(owedBack: number, balance: number): { taken: number; outstanding: number } {
  const taken = Math.max(0, Math.min(owedBack, balance));
  return { taken, outstanding: owedBack - taken };
}

/**
 * FIFO expiry: spending consumes the oldest credits first, so what is left of the credits made
 * before the cutoff is the balance minus whatever was credited (net) since the cutoff.
 */
export function expirable(balance: number, creditedSinceCutoff: number): number {
  return Math.max(0, balance - Math.max(0, creditedSinceCutoff));
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China-time month of `at`, as `yyyy-mm`. */
export function chinaMonth(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Midnight China time on the first day of the month `months` before `at`'s China month. */
export function chinaMonthStart(at: Date, monthsBack = 0): Date {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1) - CHINA_OFFSET_MS);
}
