/** How activity times and distances read: the tenant's zone (shared/time.ts), in the UI language. */
import type { TFunction } from 'i18next';
import { tenantDay as dayOf, formatShortDateTime, formatClock as time } from '../shared/time.js';

export const dateTime = (iso: string) => formatShortDateTime(iso, { weekday: 'short' });

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

/** "本场已取消：场地临时占用" for an occurrence the organiser called off. */
export function cancelledSessionText(t: TFunction, session: { cancelReason: string | null }) {
  return session.cancelReason
    ? t('activities.cancelledSessionReason', { reason: session.cancelReason })
    : t('activities.cancelledSession');
}
