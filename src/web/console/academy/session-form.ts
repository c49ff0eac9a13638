/** The session form's values ⇄ the API's session body, keeping the self check-in point across an edit. */
import type { Session } from '../../h5/academy/data.js';
import { fromTenantWallTime, tenantWallTime } from '../../shared/time.js';
import type { SessionBody } from './data.js';

export type SessionValues = {
  regionCode: string;
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
  lng?: number | null;
  lat?: number | null;
  radiusM?: number | null;
};

const given = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The form's starting values: an existing session's own (its point included), or a new one's defaults. */
export function sessionValues(session: Session | null, defaultRegion: string | undefined): Partial<SessionValues> {
  if (!session) return { regionCode: defaultRegion, capacity: 30 };
  return {
    regionCode: session.regionCode,
    startsAt: tenantWallTime(session.startsAt),
    endsAt: tenantWallTime(session.endsAt),
    place: session.place,
    capacity: session.capacity,
    lng: session.checkinPoint?.lng ?? null,
    lat: session.checkinPoint?.lat ?? null,
    radiusM: session.checkinPoint?.radiusM ?? null,
  };
}

/** Whether the point's three fields are all given or all empty (the form refuses a half point). */
export function pointComplete(v: Pick<SessionValues, 'lng' | 'lat' | 'radiusM'>): boolean {
  const n = [v.lng, v.lat, v.radiusM].filter(given).length;
  return n === 0 || n === 3;
}

export function sessionBody(v: SessionValues): SessionBody {
  return {
    regionCode: v.regionCode,
    startsAt: fromTenantWallTime(v.startsAt).toISOString(),
    endsAt: fromTenantWallTime(v.endsAt).toISOString(),
    place: v.place,
    capacity: v.capacity,
    checkinPoint:
      given(v.lng) && given(v.lat) && given(v.radiusM) ? { lng: v.lng, lat: v.lat, radiusM: v.radiusM } : null,
  };
}
