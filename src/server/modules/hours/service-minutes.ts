/**
 * Service minutes of one attendance (pure, no I/O): the time actually served inside the activity
 * window, so commuting before the start and lingering after the end do not count, then rounded by
 * the tenant's rule. 志愿服务记录与证明出具办法 counts hours actually served; the rule only decides the
 * grain (whole minutes, quarter hours, half hours) and which way a part goes.
 */

export type RoundingMode = 'down' | 'nearest' | 'up';

export interface RoundingRule {
  /** The grain in minutes (1, 5, 15, 30, 60 …), a positive integer. */
  unitMinutes: number;
  /** `down` (default) never credits time not served; `nearest` rounds half up; `up` credits a started unit. */
  mode: RoundingMode;
  /** Less than this (before rounding) counts as nothing, e.g. a two-minute drop-in. */
  minimumMinutes?: number;
}

export const defaultRounding: RoundingRule = { unitMinutes: 1, mode: 'down', minimumMinutes: 0 };

export interface AttendanceSpan {
  checkIn: Date;
  checkOut: Date;
  windowStart: Date;
  windowEnd: Date;
  rounding?: RoundingRule;
}

const MINUTE = 60_000;
/** One record holds at most a day (the table's CHECK agrees). */
export const MAX_RECORD_MINUTES = 24 * 60;

/** Milliseconds of check-in → check-out that lie inside the window (0 when they do not meet). */
export function overlapMs({ checkIn, checkOut, windowStart, windowEnd }: AttendanceSpan): number {
  const from = Math.max(checkIn.getTime(), windowStart.getTime());
  const to = Math.min(checkOut.getTime(), windowEnd.getTime());
  return Math.max(0, to - from);
}

export function roundMinutes(exactMinutes: number, rule: RoundingRule = defaultRounding): number {
  const unit = rule.unitMinutes;
  if (!Number.isInteger(unit) || unit < 1)
    throw new RangeError(`rounding unit must be a positive integer, got ${unit}`);
  if (!(exactMinutes > 0) || exactMinutes < (rule.minimumMinutes ?? 0)) return 0;
  const units = exactMinutes / unit;
  // Whole units within a millisecond's rounding error count as whole (59.99999 minutes is an hour).
  const near = Math.round(units);
  const whole = Math.abs(units - near) < 1e-9 ? near : units;
  const n =
    rule.mode === 'up' ? Math.ceil(whole) : rule.mode === 'nearest' ? Math.floor(whole + 0.5) : Math.floor(whole);
  return n * unit;
}

/**
 * Integer minutes to record for one attendance: the overlap with the window, rounded, never more
 * than the window itself (nor a day) holds in whole units of the grain.
 */
export function serviceMinutes(span: AttendanceSpan): number {
  const rule = span.rounding ?? defaultRounding;
  const rounded = roundMinutes(overlapMs(span) / MINUTE, rule);
  const windowMinutes = Math.max(0, (span.windowEnd.getTime() - span.windowStart.getTime()) / MINUTE);
  const cap = Math.floor(Math.min(windowMinutes, MAX_RECORD_MINUTES) / rule.unitMinutes) * rule.unitMinutes;
  return Math.min(rounded, cap);
}
