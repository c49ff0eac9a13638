/** Who is signed in (`GET /api/v1/me`), where they belong (console or H5), and signing out. */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setTenantTimeZone } from '../shared/time.js';
import { api, call, forgetCsrfToken } from './client.js';
import { ApiError } from './errors.js';
import type { operations } from './schema.js';

export type Me = operations['getMe']['responses'][200]['content']['application/json'];
export type Role = Me['roles'][number]['role'];

export const staffRoles: readonly Role[] = ['station_keeper', 'institute_admin', 'centre_admin'];
export const meKey = ['me'] as const;

export const isStaff = (me: Me) => me.roles.some((r) => staffRoles.includes(r.role));

/** Staff work in the console; everyone else (volunteers, residents, team admins, judges) in the H5 app. */
export const homePath = (me: Me) => (isStaff(me) ? '/console' : '/h5');

/** The signed-in user, or null when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await call(api.GET('/api/v1/me'));
        setTenantTimeZone(me.timeZone);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** Forget everything cached for the previous user. */
export function resetSession(queryClient: QueryClient, me: Me | null) {
  forgetCsrfToken();
  if (me) setTenantTimeZone(me.timeZone);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, me);
}

/**
 * Signs out, then loads /login afresh: nothing the previous user saw stays in memory, and the
 * sign-in page does not offer to return to their last page.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      queryClient.clear();
      window.location.replace('/login');
    },
  });
}
