import type { WeeklySlot } from './types.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DAY = 1440;
export const WEEK = 7 * DAY;

/**
 * Weekly time is "week minutes": 0 is Sunday 00:00 local, WEEK − 1 is Saturday 23:59.
 * A set of weekly intervals is a flat array [start0, end0, start1, end1, …], half-open, each inside [0, WEEK].
 */
export type WeeklyIntervals = number[];

function pushWrapped(out: WeeklyIntervals, start: number, end: number): void {
  if (end - start >= WEEK) {
    out.push(0, WEEK);
  } else if (end <= WEEK) {
    out.push(start, end);
  } else {
    out.push(start, WEEK, 0, end - WEEK);
  }
}

/** The volunteer's slots as week-minute intervals; a slot crossing midnight (or Saturday night) wraps. */
export function slotsToIntervals(slots: readonly WeeklySlot[]): WeeklyIntervals {
  const out: WeeklyIntervals = [];
  for (const slot of slots) {
    const day = ((slot.weekday % 7) + 7) % 7;
    const start = day * DAY + slot.startMinute;
    let end = day * DAY + slot.endMinute;
    if (slot.endMinute <= slot.startMinute) end += DAY;
    pushWrapped(out, start, end);
  }
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Intl.DateTimeFormat reads the local time, slowly (tens of µs): exact week minutes as read. */
function readWeekMinute(epochMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(epochMs)) {
    if (part.type === 'weekday') day = WEEKDAYS[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return day * DAY + hour * 60 + minute;
}

const HOUR = 3_600_000;
/** Per time zone: UTC hour → the week minute at its start, for hours with one offset throughout. */
const hourStarts = new Map<string, Map<number, number>>();
const HOURS_KEPT = 50_000;

/**
 * The local week minute of an instant in a time zone. A batch reads hundreds of windows, most in the same few
 * hours: each UTC hour is read from Intl once, at its first and last minute; when they are 59 minutes apart the
 * offset is the same throughout (no zone changes its offset twice in an hour), and the minutes in between follow.
 */
export function weekMinute(epochMs: number, timeZone: string): number {
  let starts = hourStarts.get(timeZone);
  if (!starts) {
    starts = new Map();
    hourStarts.set(timeZone, starts);
  }
  const hour = Math.floor(epochMs / HOUR);
  let start = starts.get(hour);
  if (start === undefined) {
    const first = readWeekMinute(hour * HOUR, timeZone);
    const last = readWeekMinute(hour * HOUR + 59 * 60_000, timeZone);
    start = (last - first + WEEK) % WEEK === 59 ? first : -1;
    if (starts.size >= HOURS_KEPT) starts.clear();
    starts.set(hour, start);
  }
  if (start < 0 || epochMs % 60_000 !== 0) return readWeekMinute(epochMs, timeZone);
  return (start + Math.floor((epochMs - hour * HOUR) / 60_000)) % WEEK;
}

/**
 * An absolute window as week-minute intervals in a time zone: the start rounds down and the end up to the minute;
 * a window across midnight or the week's end wraps; a window of a week or more covers the whole week.
 */
export function windowToIntervals(window: { start: Date; end: Date }, timeZone: string): WeeklyIntervals {
  const startMs = Math.floor(window.start.getTime() / 60_000) * 60_000;
  const endMs = Math.ceil(window.end.getTime() / 60_000) * 60_000;
  const minutes = (endMs - startMs) / 60_000;
  if (!(minutes > 0)) return [];
  const out: WeeklyIntervals = [];
  if (minutes >= WEEK) {
    out.push(0, WEEK);
    return out;
  }
  const start = weekMinute(startMs, timeZone);
  // The local length can differ from the absolute one across a daylight-saving change.
  let length = (weekMinute(endMs, timeZone) - start + WEEK) % WEEK;
  if (length === 0) length = minutes;
  pushWrapped(out, start, start + length);
  return out;
}

/** Whether two interval sets share at least one minute. */
export function overlaps(a: WeeklyIntervals, b: WeeklyIntervals): boolean {
  for (let i = 0; i < a.length; i += 2) {
    const as = a[i] as number;
    const ae = a[i + 1] as number;
    for (let j = 0; j < b.length; j += 2) {
      if (as < (b[j + 1] as number) && (b[j] as number) < ae) return true;
    }
  }
  return false;
}
