/** Console data for volunteers: the scoped list (keyset pages), one volunteer, and the query string for exports. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { VolunteerStatus } from '../shared/volunteers.js';

export interface VolunteerFilter {
  q?: string;
  status?: VolunteerStatus;
  skill?: string;
  regionCode?: string;
}

export const VOLUNTEERS_PAGE = 50;

export function useVolunteers(filter: VolunteerFilter) {
  return useInfiniteQuery({
    queryKey: ['volunteers', filter],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/volunteers', { params: { query: { limit: VOLUNTEERS_PAGE, cursor: pageParam, ...filter } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useVolunteer(id: string | null) {
  return useQuery({
    queryKey: ['volunteer', id],
    queryFn: () => call(api.GET('/api/v1/volunteers/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

export function exportUrl(filter: VolunteerFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1/volunteers/export${qs ? `?${qs}` : ''}`;
}
