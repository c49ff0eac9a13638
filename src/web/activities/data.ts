/**
 * Activities and sign-up: typed queries and mutations for the H5 pages (volunteers) and the console
 * (organisers). Every write refreshes the activity lists.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { operations } from '../api/schema.js';
import './strings.js';

type Ok<K extends keyof operations> = operations[K]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;
type Body<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type SessionItem = Ok<'searchActivitySessions'>['items'][number];
export type ActivityDetail = Ok<'getActivity'>;
export type ActivitySession = ActivityDetail['sessions'][number];
export type ActivitySummary = Ok<'listActivities'>['items'][number];
export type ActivityState = ActivitySummary['state'];
export type Roster = Ok<'getActivityRoster'>;
export type RosterEntry = Roster['items'][number];
export type CreateActivityBody = Body<'createActivity'>;
export type UpdateActivityBody = Body<'updateActivity'>;
export type SearchQuery = NonNullable<operations['searchActivitySessions']['parameters']['query']>;

export const PAGE = 20;

export const activityKeys = {
  all: ['activities'] as const,
  search: (q: Omit<SearchQuery, 'limit' | 'cursor'>) => ['activities', 'search', q] as const,
  one: (id: string) => ['activities', 'one', id] as const,
  mine: (view: 'upcoming' | 'past') => ['activities', 'mine', view] as const,
  staff: (filter: Record<string, string | undefined>) => ['activities', 'staff', filter] as const,
  roster: (sessionId: string) => ['activities', 'roster', sessionId] as const,
};

export function useSessionSearch(query: Omit<SearchQuery, 'limit' | 'cursor'>) {
  return useInfiniteQuery({
    queryKey: activityKeys.search(query),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/activity-sessions', { params: { query: { ...query, limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: activityKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/activities/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

export function useMySignups(view: 'upcoming' | 'past') {
  return useInfiniteQuery({
    queryKey: activityKeys.mine(view),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/activity-signups/mine', { params: { query: { view, limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useStaffActivities(filter: { state?: ActivityState; q?: string }) {
  return useInfiniteQuery({
    queryKey: activityKeys.staff(filter),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/activities', { params: { query: { ...filter, limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRoster(sessionId: string | null) {
  return useQuery({
    queryKey: activityKeys.roster(sessionId ?? ''),
    queryFn: () =>
      call(api.GET('/api/v1/activity-sessions/{id}/signups', { params: { path: { id: sessionId as string } } })),
    enabled: Boolean(sessionId),
  });
}

function useActivityWrite<V, R>(write: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.all }),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export function useSignUp() {
  return useActivityWrite(({ sessionId, key }: { sessionId: string; key: string }) =>
    call(
      api.POST('/api/v1/activity-sessions/{id}/signups', { ...path(sessionId), headers: { 'Idempotency-Key': key } }),
    ),
  );
}

export type SignupAction = 'cancel' | 'approve' | 'reject';
export function useSignupAction() {
  return useActivityWrite(({ id, action, reason }: { id: string; action: SignupAction; reason?: string }) => {
    if (action === 'approve') return call(api.POST('/api/v1/activity-signups/{id}/approve', path(id)));
    if (action === 'reject')
      return call(api.POST('/api/v1/activity-signups/{id}/reject', { ...path(id), body: { reason: reason ?? '' } }));
    return call(api.POST('/api/v1/activity-signups/{id}/cancel', { ...path(id), body: { reason } }));
  });
}

export function useCreateActivity() {
  return useActivityWrite(({ body, key }: { body: CreateActivityBody; key: string }) =>
    call(api.POST('/api/v1/activities', { body, headers: { 'Idempotency-Key': key } })),
  );
}

export function useUpdateActivity() {
  return useActivityWrite(({ id, body }: { id: string; body: UpdateActivityBody }) =>
    call(api.PATCH('/api/v1/activities/{id}', { ...path(id), body })),
  );
}

export function usePublishActivity() {
  return useActivityWrite((id: string) => call(api.POST('/api/v1/activities/{id}/publish', path(id))));
}

export function useCancelActivity() {
  return useActivityWrite(({ id, reason }: { id: string; reason: string }) =>
    call(api.POST('/api/v1/activities/{id}/cancel', { ...path(id), body: { reason } })),
  );
}
