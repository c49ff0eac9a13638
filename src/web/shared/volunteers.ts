/** Volunteer data shared by the H5 pages and the console: types from the API, options, ID-number checks. */
import { type AgeClass, ageClass, guardianRelations, todayIn } from '../../shared/age-rules.js';
import { parseIdNumber } from '../../shared/id-card.js';
import { checkPersonName, PERSON_NAME_MAX, personNameMessages } from '../../shared/person-name.js';
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

export { PERSON_NAME_MAX };

/**
 * The form rule for a real name: the server's own rule (src/shared/person-name.ts), with its message
 * in the page's language, so that a name the server would refuse is caught as it is typed.
 */
export function personNameRule(language: string) {
  const en = language.startsWith('en');
  return {
    validator: (_: unknown, value: string | undefined) => {
      const problem = checkPersonName(value ?? '');
      if (!problem) return Promise.resolve();
      const [zh, english] = personNameMessages[problem];
      return Promise.reject(new Error(en ? english : zh));
    },
  };
}

export type { GuardianRelation } from '../../shared/age-rules.js';
export { guardianRelations };

/** Whether the person an ID number belongs to is an adult, a minor (guardian consents) or a child (family only). */
export function ageClassOf(
  idNumber: string | undefined,
  rules: { adultAge: number; minAgeOnOwn: number; timeZone: string } | undefined,
): AgeClass | null {
  const parsed = checkIdNumber(idNumber?.trim());
  if (!parsed?.ok || !rules) return null;
  return ageClass(parsed.info.birthDate, todayIn(rules.timeZone), rules);
}
