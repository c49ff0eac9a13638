/**
 * Every time the web shows is read in the tenant's zone, whatever zone the browser is in: ledgers,
 * due dates and opening hours are kept in China time, so an inbox in the browser's zone would
 * disagree with them. One place formats times; pages never call `toLocale*String` themselves.
 *
 * The zone is the tenant's (`tenants.timezone`, Asia/Shanghai for Huancui). The server does not
 * send it yet, so it is set here; `setTenantTimeZone` is the one place to feed it from `/me`.
 */
import { currentLanguage } from '../i18n/index.js';

let tenantZone = 'Asia/Shanghai';

export const tenantTimeZone = () => tenantZone;

/** Takes the tenant's IANA zone (ignored when the browser does not know it). */
export function setTenantTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    tenantZone = zone;
  } catch {
    // An unknown zone keeps the default rather than breaking every page.
  }
}

const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'zh-CN');

const format = (iso: string | Date, options: Intl.DateTimeFormatOptions, lang = locale()) =>
  new Date(iso).toLocaleString(lang, { timeZone: tenantZone, ...options });

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
export const tenantDay = (iso: string | Date) => new Date(iso).toLocaleDateString('en-CA', { timeZone: tenantZone });
