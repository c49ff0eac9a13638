/**
 * Every time the web shows is read in the tenant's zone, whatever zone the browser is in: ledgers,
 * due dates and opening hours are kept in China time, so an inbox in the browser's zone would
 * disagree with them. One place formats times; pages never call `toLocale*String` themselves.
 *
 * The zone is the tenant's (`tenants.timezone`, Asia/Shanghai for Huancui), sent in `/me` and set
 * by `useMe` (api/session.ts) before any signed-in page draws; anonymous pages keep the default.
 */
import { currentLanguage } from '../i18n/index.js';

let tenantZone = 'Asia/Shanghai';
/** A zone set but not yet checked: the first formatter loads the browser's zone data (a tenth of a second on a slow phone). */
let uncheckedZone: string | undefined;

export const tenantTimeZone = () => {
  if (uncheckedZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: uncheckedZone });
      tenantZone = uncheckedZone;
    } catch {
      // An unknown zone keeps the default rather than breaking every page.
    }
    uncheckedZone = undefined;
  }
  return tenantZone;
};

/** Takes the tenant's IANA zone (ignored when the browser does not know it), checked when a time is first shown. */
export function setTenantTimeZone(zone: string) {
  if (zone === uncheckedZone) return; // `/me` answers again each minute: the same zone waits for its one check
  if (uncheckedZone !== undefined) tenantTimeZone();
  uncheckedZone = zone === tenantZone ? undefined : zone;
}

const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'zh-CN');

const format = (iso: string | Date, options: Intl.DateTimeFormatOptions, lang = locale()) =>
  new Date(iso).toLocaleString(lang, { timeZone: tenantTimeZone(), ...options });

/** "2026/12/3 09:05" (zh) or "03/12/2026, 09:05" (en): date and time to the minute. */
export const formatDateTime = (iso: string | Date) =>
  format(iso, { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** Date and time to the second, for logs (outbox, audit). */
export const formatDateTimeSeconds = (iso: string | Date) =>
  format(iso, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });

/** "2026/12/3" (zh) or "03/12/2026" (en). */
export const formatDate = (iso: string | Date) => format(iso, { year: 'numeric', month: 'numeric', day: 'numeric' });

/** "12/3 09:05": month, day and time, for lists of near events. */
export const formatShortDateTime = (iso: string | Date, extra: Intl.DateTimeFormatOptions = {}) =>
  format(iso, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, ...extra });

/** "09:05". */
export const formatClock = (iso: string | Date) => format(iso, { hour: '2-digit', minute: '2-digit', hour12: false });

/** The calendar day in the tenant's zone, yyyy-mm-dd (for comparing and for date inputs). */
export const tenantDay = (iso: string | Date) =>
  new Date(iso).toLocaleDateString('en-CA', { timeZone: tenantTimeZone() });

/** The zone's offset from UTC at an instant, in milliseconds (+8 h for Shanghai). */
function offsetAt(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tenantTimeZone(),
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant at a wall-clock time in the tenant's zone ("2026-12-05T09:00" or "2026-12-05"). */
export function fromTenantWallTime(local: string): Date {
  const [date = '', time = '00:00'] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  // The offset of the wall time read as UTC is right except across a change; a second look settles it.
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** "2026-12-05T09:00": the value of a datetime-local input, in the tenant's zone. */
export function tenantWallTime(iso: string | Date): string {
  const ms = new Date(iso).getTime();
  return new Date(ms + offsetAt(ms)).toISOString().slice(0, 16);
}

/** Midnight in the tenant's zone `days` days before today (0: today's). */
export function tenantMidnight(days = 0, now = Date.now()): Date {
  const today = tenantDay(new Date(now));
  const [y, m, d] = today.split('-').map(Number);
  const day = new Date(Date.UTC(y as number, (m as number) - 1, (d as number) - days)).toISOString().slice(0, 10);
  return fromTenantWallTime(day);
}
