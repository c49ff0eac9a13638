/**
 * Activities and sign-up: typed queries and mutations for the H5 pages (volunteers) and the console
 * (organisers). Every write refreshes the activity lists.
 */
import { useQueryClient } from '@tanstack/react-query';
import { $api, keysetPages, refreshUnder } from '../api/queries.js';
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

/** After any activity write (sign-up, check-in, a change by the organiser): every activity read. */
export function useAfterActivityWrite() {
  const qc = useQueryClient();
  return {
    onSuccess: () =>
      void refreshUnder(
        qc,
        '/api/v1/activities',
        '/api/v1/activity-sessions',
        '/api/v1/activity-signups',
        '/api/v1/me/hours',
      ),
  };
}

export const useSessionSearch = (query: Omit<SearchQuery, 'limit' | 'cursor'>) =>
  $api.useInfiniteQuery(
    'get',
    '/api/v1/activity-sessions',
    { params: { query: { ...query, limit: PAGE } } },
    keysetPages,
  );

export const useActivity = (id: string | undefined) =>
  $api.useQuery('get', '/api/v1/activities/{id}', { params: { path: { id: id ?? '' } } }, { enabled: Boolean(id) });

export const useMySignups = (view: 'upcoming' | 'past') =>
  $api.useInfiniteQuery(
    'get',
    '/api/v1/activity-signups/mine',
    { params: { query: { view, limit: PAGE } } },
    keysetPages,
  );

export const useStaffActivities = (filter: { state?: ActivityState; q?: string }) =>
  $api.useInfiniteQuery('get', '/api/v1/activities', { params: { query: { ...filter, limit: PAGE } } }, keysetPages);

export const useRoster = (sessionId: string | null) =>
  $api.useQuery(
    'get',
    '/api/v1/activity-sessions/{id}/signups',
    { params: { path: { id: sessionId ?? '' } } },
    { enabled: Boolean(sessionId) },
  );

export const useSignUp = () =>
  $api.useMutation('post', '/api/v1/activity-sessions/{id}/signups', useAfterActivityWrite());

export type SignupAction = 'cancel' | 'approve' | 'reject';
/** The organiser's (and the volunteer's own) decisions on one sign-up. */
export function useSignupActions() {
  const after = useAfterActivityWrite();
  return {
    approve: $api.useMutation('post', '/api/v1/activity-signups/{id}/approve', after),
    reject: $api.useMutation('post', '/api/v1/activity-signups/{id}/reject', after),
    cancel: $api.useMutation('post', '/api/v1/activity-signups/{id}/cancel', after),
  };
}

export const useCreateActivity = () => $api.useMutation('post', '/api/v1/activities', useAfterActivityWrite());

export const useUpdateActivity = () => $api.useMutation('patch', '/api/v1/activities/{id}', useAfterActivityWrite());

export const usePublishActivity = () =>
  $api.useMutation('post', '/api/v1/activities/{id}/publish', useAfterActivityWrite());

export const useCancelActivity = () =>
  $api.useMutation('post', '/api/v1/activities/{id}/cancel', useAfterActivityWrite());

export const useCancelSession = () =>
  $api.useMutation('post', '/api/v1/activity-sessions/{id}/cancel', useAfterActivityWrite());
