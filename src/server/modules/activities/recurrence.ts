/**
 * Occurrences of an activity: its first start and end, repeated by an RFC 5545 RRULE (the `rrule`
 * package) in the activity's time zone, so "every Saturday 09:00" stays 09:00 local time. Pure.
 *
 * rrule works on "floating" times: the local wall-clock time written as if it were UTC. We turn the
 * first start into wall time, expand there, and turn each occurrence back into an instant with the
 * zone's offset at that moment (correct across daylight-saving changes where a zone has them).
 */
import rrulePackage from 'rrule';

const { RRule } = rrulePackage;

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(timeZone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

const toWall = (instant: Date, timeZone: string) => new Date(instant.getTime() + zoneOffsetMs(timeZone, instant));

function fromWall(wall: Date, timeZone: string): Date {
  const guess = new Date(wall.getTime() - zoneOffsetMs(timeZone, wall));
  return new Date(wall.getTime() - zoneOffsetMs(timeZone, guess));
}

const ALLOWED_FREQ = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);

export type RuleProblem = 'syntax' | 'frequency' | 'dtstart';

/** Checks a rule as a client sent it: null when usable, else what is wrong. */
export function ruleProblem(rule: string): RuleProblem | null {
  if (/DTSTART|RDATE|EXDATE/i.test(rule)) return 'dtstart';
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
  } catch {
    return 'syntax';
  }
  if (options.freq === undefined || options.freq === null) return 'syntax';
  if (!ALLOWED_FREQ.has(options.freq)) return 'frequency';
  return null;
}

/** Whether the rule ends by itself (COUNT or UNTIL), so that every occurrence can be listed. */
export function ruleIsFinite(rule: string): boolean {
  const options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
  return Boolean(options.count || options.until);
}

export interface ExpandInput {
  startsAt: Date;
  endsAt: Date;
  rrule: string | null;
  timeZone: string;
  /** Occurrences starting at or after `from` and at or before `until`. */
  from: Date;
  until: Date;
  /** At most this many (the first ones). */
  max: number;
}

/** The occurrences in [from, until]; a one-off activity has its single occurrence when it falls inside. */
export function expandOccurrences(input: ExpandInput): Occurrence[] {
  const duration = input.endsAt.getTime() - input.startsAt.getTime();
  if (!input.rrule) {
    const inside = input.startsAt >= input.from && input.startsAt <= input.until;
    return inside ? [{ startsAt: input.startsAt, endsAt: input.endsAt }] : [];
  }
  const options = RRule.parseString(input.rrule.replace(/^RRULE:/i, ''));
  const rule = new RRule({ ...options, dtstart: toWall(input.startsAt, input.timeZone) });
  const walls = rule.between(
    toWall(input.from, input.timeZone),
    toWall(input.until, input.timeZone),
    true,
    (_date, i) => i < input.max,
  );
  return walls.map((wall) => {
    const startsAt = fromWall(wall, input.timeZone);
    return { startsAt, endsAt: new Date(startsAt.getTime() + duration) };
  });
}

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The rule in words: 每周六 / every Saturday, 每天 / every day, 每月 / every month (the common cases). */
export function describeRule(rule: string | null): { zh: string; en: string } | null {
  if (!rule) return null;
  const options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
  const every = (options.interval ?? 1) > 1 ? options.interval : null;
  const days = (Array.isArray(options.byweekday) ? options.byweekday : options.byweekday ? [options.byweekday] : [])
    .map((d) => (typeof d === 'number' ? d : (d as { weekday: number }).weekday))
    .sort((a, b) => a - b);
  switch (options.freq) {
    case RRule.DAILY:
      return every ? { zh: `每${every}天`, en: `every ${every} days` } : { zh: '每天', en: 'every day' };
    case RRule.WEEKLY: {
      const zhDays = days.map((d) => `周${WEEKDAYS_ZH[d]}`).join('、');
      const enDays = days.map((d) => WEEKDAYS_EN[d]).join(', ');
      const zh = every ? `每${every}周` : '每';
      const en = every ? `every ${every} weeks` : 'every';
      return days.length
        ? { zh: every ? `${zh}${zhDays}` : `每${zhDays}`, en: `${en} ${enDays}` }
        : { zh: every ? zh : '每周', en: every ? en : 'every week' };
    }
    case RRule.MONTHLY:
      return every ? { zh: `每${every}个月`, en: `every ${every} months` } : { zh: '每月', en: 'every month' };
    case RRule.YEARLY:
      return { zh: '每年', en: 'every year' };
    default:
      return { zh: '定期', en: 'recurring' };
  }
}
