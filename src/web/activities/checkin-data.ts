/** Check-in and check-out: the screen's rotating code (organisers) and the volunteer's scan. */
import { $api } from '../api/queries.js';
import type { operations } from '../api/schema.js';
import { useAfterActivityWrite } from './data.js';

export type CheckinCode = operations['getActivityCheckinCode']['responses'][200]['content']['application/json'];
export type AttendanceResult = operations['checkInToActivity']['responses'][200]['content']['application/json'];

/** The code on the screen, asked for again as often as the server says it rotates. */
export function useCheckinCode(sessionId: string | null) {
  return $api.useQuery(
    'get',
    '/api/v1/activity-sessions/{id}/checkin-code',
    { params: { path: { id: sessionId ?? '' } } },
    {
      enabled: Boolean(sessionId),
      refetchInterval: (q) => (q.state.data?.refreshSeconds ?? 10) * 1000,
      refetchIntervalInBackground: true,
      retry: false,
    },
  );
}

/** Check-in and check-out, each refreshing the activity lists. */
export function useAttendance() {
  const after = useAfterActivityWrite();
  return {
    in: $api.useMutation('post', '/api/v1/activity-checkins', after),
    out: $api.useMutation('post', '/api/v1/activity-checkouts', after),
  };
}

/** The device's position (WGS-84 from the browser) with its accuracy, or the reason there is none. */
export function currentPosition(): Promise<{ lng: number; lat: number; accuracyM: number }> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error('geolocation unavailable'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude, accuracyM: Math.round(p.coords.accuracy) }),
      (err) => reject(err),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 10_000 },
    );
  });
}

/** The token in a scanned QR code: the `t` of a /h5/checkin link, or the text itself. */
export function tokenFromScan(text: string): string {
  try {
    const url = new URL(text);
    return url.searchParams.get('t') ?? text;
  } catch {
    return text;
  }
}
