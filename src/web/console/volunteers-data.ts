/** Console data for volunteers: the scoped list (keyset pages), one volunteer, and the query string for exports. */
import type { QueryClient } from '@tanstack/react-query';
import { $api, keysetPages, pathKey } from '../api/queries.js';
import type { VolunteerStatus } from '../shared/volunteers.js';

export interface VolunteerFilter {
  q?: string;
  status?: VolunteerStatus;
  skill?: string;
  regionCode?: string;
}

export const VOLUNTEERS_PAGE = 50;

export function useVolunteers(filter: VolunteerFilter) {
  return $api.useInfiniteQuery(
    'get',
    '/api/v1/volunteers',
    { params: { query: { limit: VOLUNTEERS_PAGE, ...filter } } },
    keysetPages,
  );
}

const volunteerQuery = (id: string) =>
  $api.queryOptions('get', '/api/v1/volunteers/{id}', { params: { path: { id } } });

export function useVolunteer(id: string | null) {
  return $api.useQuery(
    'get',
    '/api/v1/volunteers/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: Boolean(id) },
  );
}

type Volunteer = NonNullable<ReturnType<typeof useVolunteer>['data']>;

/** After a change to one volunteer: show the new record and refresh every page of the list. */
export function volunteerChanged(qc: QueryClient, volunteer: Volunteer) {
  qc.setQueryData(volunteerQuery(volunteer.id).queryKey, volunteer);
  return volunteersChanged(qc);
}

/** After volunteers were added (desk registration, import): refresh every page of the list. */
export function volunteersChanged(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: pathKey('get', '/api/v1/volunteers') });
}

export function exportUrl(filter: VolunteerFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1/volunteers/export${qs ? `?${qs}` : ''}`;
}
