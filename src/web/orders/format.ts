/** Times of orders as people read them: the tenant's zone (shared/time.ts), short, in the UI language. */
import { tenantDay as dayOf, formatShortDateTime, formatClock as time } from '../shared/time.js';
import type { OrderState } from './data.js';

export const dateTime = (iso: string) => formatShortDateTime(iso);

/** "12/3 09:00–12:00", or both ends in full when the window spans days. */
export function timeWindow(start: string, end: string) {
  return dayOf(start) === dayOf(end) ? `${dateTime(start)}–${time(end)}` : `${dateTime(start)} – ${dateTime(end)}`;
}

/** The calendar day in Shanghai, `days` from now, as yyyy-mm-dd. */
export function shanghaiDay(now: Date, days: number) {
  return dayOf(new Date(now.getTime() + days * 86_400_000).toISOString());
}

/** yyyy-mm-dd and an hour in Shanghai → ISO-8601 with its offset (Shanghai has no daylight saving). */
export const shanghaiTime = (day: string, hour: number, minute = 0) =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;

/** Tag colours by state, shared by the H5 pages and the console. */
export const stateColour: Record<OrderState, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  submitted: 'warning',
  reviewed: 'warning',
  rejected: 'danger',
  dispatched: 'primary',
  accepted: 'primary',
  in_service: 'primary',
  completed: 'success',
  rated: 'success',
  closed: 'default',
  cancelled: 'default',
};

/** The position the browser reports, or null when the person or the device says no. */
export function currentPosition(timeoutMs = 10_000): Promise<{ lng: number; lat: number; accuracy?: number } | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lng: Number(p.coords.longitude.toFixed(6)),
          lat: Number(p.coords.latitude.toFixed(6)),
          // The fence allows for it (the server caps the credit); a browser may report more than the API takes.
          accuracy: Number.isFinite(p.coords.accuracy) ? Math.min(5000, Math.round(p.coords.accuracy)) : undefined,
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** A fresh key per attempt to place an order, so a retried request does not order twice. */
export const newIdempotencyKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
