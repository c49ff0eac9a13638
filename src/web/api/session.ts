/** Who is signed in (`GET /api/v1/me`), where they belong (console or H5), and signing out. */
import { type QueryClient, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { setTenantTimeZone } from '../shared/time.js';
import { forgetCsrfToken } from './client.js';
import { $api, nullOn, refreshUnder } from './queries.js';
import type { operations } from './schema.js';

export type Me = operations['getMe']['responses'][200]['content']['application/json'];
export type Role = Me['roles'][number]['role'];

export const staffRoles: readonly Role[] = ['station_keeper', 'institute_admin', 'centre_admin'];
const meQuery = nullOn(401, $api.queryOptions('get', '/api/v1/me'));
export const meKey = meQuery.queryKey;
export const isMeKey = ([method, path]: QueryKey) => method === meKey[0] && path === meKey[1];

/** After a change to the signed-in user's own records: who they are and every read of their own (`/api/v1/me/…`). */
export const refreshMine = (qc: QueryClient) =>
  Promise.all([qc.invalidateQueries({ queryKey: meKey }), refreshUnder(qc, '/api/v1/me/')]);

export const isStaff = (me: Me) => me.roles.some((r) => staffRoles.includes(r.role));

/** Staff work in the console; everyone else (volunteers, residents, team admins, judges) in the H5 app. */
export const homePath = (me: Me) => (isStaff(me) ? '/console' : '/h5');

const meOptions = {
  ...meQuery,
  queryFn: async (ctx: Parameters<typeof meQuery.queryFn>[0]) => {
    const me = await meQuery.queryFn(ctx);
    if (me) setTenantTimeZone(me.timeZone);
    return me;
  },
  staleTime: 60_000,
};

/** The signed-in user, or null when nobody is. */
export function useMe() {
  return useQuery(meOptions);
}

/** Asks who is signed in before the page's chunks have loaded, so that the answer does not wait for them. */
export const prefetchMe = (queryClient: QueryClient) => queryClient.prefetchQuery(meOptions);

/** Forget everything cached for the previous user. */
export function resetSession(queryClient: QueryClient, me: Me | null) {
  forgetCsrfToken();
  if (me) setTenantTimeZone(me.timeZone);
  queryClient.removeQueries({ predicate: (q) => !isMeKey(q.queryKey) });
  queryClient.setQueryData(meKey, me);
}

/**
 * Signs out, then loads /login afresh: nothing the previous user saw stays in memory, and the
 * sign-in page does not offer to return to their last page.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/v1/auth/logout', {
    onSettled: () => {
      queryClient.clear();
      window.location.replace('/login');
    },
  });
}
