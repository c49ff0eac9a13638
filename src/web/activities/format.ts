/** How activity times and distances read: Asia/Shanghai, in the UI language. */
import { currentLanguage } from '../i18n/index.js';

const TZ = 'Asia/Shanghai';
const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'zh-CN');

const dayOf = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: TZ });
const time = (iso: string) =>
  new Date(iso).toLocaleTimeString(locale(), { timeZone: TZ, hour: '2-digit', minute: '2-digit' });

export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(locale(), {
    timeZone: TZ,
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** "12/5 周六 09:00–12:00". */
export function sessionTime(start: string, end: string) {
  return dayOf(start) === dayOf(end) ? `${dateTime(start)}–${time(end)}` : `${dateTime(start)} – ${dateTime(end)}`;
}

export function distance(metres: number) {
  return metres >= 1000 ? `${(metres / 1000).toFixed(1)} km` : `${metres} m`;
}

export const signupColour = {
  pending: 'warning',
  confirmed: 'success',
  waitlisted: 'primary',
  rejected: 'danger',
  cancelled: 'default',
} as const;

export const activityColour = {
  draft: 'default',
  published: 'success',
  cancelled: 'danger',
  finished: 'default',
} as const;
