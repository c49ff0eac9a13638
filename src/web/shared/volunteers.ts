/** Volunteer data shared by the H5 pages and the console: types from the API, options, ID-number checks. */
import { parseIdNumber } from '../../shared/id-card.js';
import { $api } from '../api/queries.js';
import type { components } from '../api/schema.js';

type Schemas = components['schemas'];

export type RegistrationOptions = Schemas['RegistrationOptions'];
export type MyVolunteer = Schemas['MyVolunteer'];
export type VolunteerSummary = Schemas['VolunteerSummary'];
export type VolunteerDetail = Schemas['VolunteerDetail'];
export type VolunteerStatus = Schemas['VolunteerStatus'];
export type Slot = { weekday: number; start: string; end: string };

/** `Record<…, true>` fails to compile when the server adds or drops a status. */
const statusSet: Record<VolunteerStatus, true> = { pending: true, active: true, suspended: true };
export const volunteerStatuses = Object.keys(statusSet) as VolunteerStatus[];
export const statusColour: Record<VolunteerStatus, string> = {
  pending: 'warning',
  active: 'success',
  suspended: 'default',
};

export function useRegistrationOptions() {
  return $api.useQuery('get', '/api/v1/volunteer-registration/options', {}, { staleTime: 10 * 60_000 });
}

/** The same GB 11643 check the server makes (one pure module serves both). */
export function checkIdNumber(value: string | undefined) {
  if (!value) return null;
  return parseIdNumber(value);
}

/** Half-day presets for weekly availability: 7 days × morning / afternoon / evening. */
export const periods = {
  morning: { start: '08:00', end: '12:00' },
  afternoon: { start: '14:00', end: '18:00' },
  evening: { start: '18:30', end: '21:00' },
} as const;
export type Period = keyof typeof periods;

export const presetKey = (weekday: number, period: Period) => `${weekday}-${period}`;

export function slotsToPresets(slots: Slot[]): { keys: string[]; others: Slot[] } {
  const keys: string[] = [];
  const others: Slot[] = [];
  for (const s of slots) {
    const period = (Object.keys(periods) as Period[]).find(
      (p) => periods[p].start === s.start && periods[p].end === s.end,
    );
    if (period) keys.push(presetKey(s.weekday, period));
    else others.push(s);
  }
  return { keys, others };
}

export function presetsToSlots(keys: string[]): Slot[] {
  return keys.map((k) => {
    const [day, period] = k.split('-') as [string, Period];
    return { weekday: Number(day), ...periods[period] };
  });
}
