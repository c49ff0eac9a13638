/**
 * Teams and organisations, volunteer families and the inbox: typed queries and mutations shared by
 * the H5 pages and the console (generated `$api` hooks; mutations take the OpenAPI request). Every
 * mutation refreshes what it changes.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeLive } from '../api/live.js';
import { $api, keysetPages, pathKey, refresh, refreshUnder } from '../api/queries.js';
import type { components, operations } from '../api/schema.js';
import { meKey } from '../api/session.js';

type Ok<K extends keyof operations> = operations[K]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;

type Schemas = components['schemas'];

export type OrganisationSummary = Schemas['OrganisationSummary'];
export type OrganisationDetail = Schemas['OrganisationDetail'];
export type OrganisationKind = Schemas['OrganisationKind'];
export type JoinMode = Schemas['JoinMode'];
export type Member = Schemas['OrganisationMember'];
export type MemberRole = Schemas['MemberRole'];
export type JoinRequest = Schemas['MembershipRequest'];
export type Invitation = Schemas['OrganisationInvitation'];
export type MyOrganisation = Schemas['MyOrganisation'];
export type Notification = Ok<'listMyNotifications'>['items'][number];
export type MyFamily = Schemas['MyFamily'];
export type FamilyDetail = Schemas['FamilyDetail'];
export type FamilyRelation = Schemas['FamilyRelation'];

/** The values of a generated enum; `Record<…, true>` fails to compile when the server adds or drops one. */
const valuesOf = <T extends string>(set: Record<T, true>) => Object.keys(set) as T[];

export const organisationKinds = valuesOf<OrganisationKind>({
  team: true,
  social_org: true,
  caring_merchant: true,
  bank_outlet: true,
  school: true,
  enterprise: true,
  government: true,
});
export const joinModes = valuesOf<JoinMode>({ open: true, approval: true, invitation: true });
export const memberRoles = valuesOf<MemberRole>({ leader: true, admin: true, member: true });
/** The relations a head can invite (everyone but the head's own `self`). */
export const familyRelations = valuesOf<Exclude<FamilyRelation, 'self'>>({
  spouse: true,
  child: true,
  parent: true,
  sibling: true,
  grandparent: true,
  grandchild: true,
  other: true,
});

export const ORGANISATIONS_PAGE = 20;

export function useOrganisations(filter: { kind?: OrganisationKind; regionCode?: string; q?: string }) {
  return $api.useInfiniteQuery(
    'get',
    '/api/v1/organisations',
    {
      params: {
        query: {
          limit: ORGANISATIONS_PAGE,
          kind: filter.kind,
          regionCode: filter.regionCode,
          q: filter.q || undefined,
        },
      },
    },
    keysetPages,
  );
}

export const useOrganisation = (id: string) =>
  $api.useQuery('get', '/api/v1/organisations/{id}', { params: { path: { id } } });

export const useMembers = (id: string, enabled = true) =>
  $api.useQuery('get', '/api/v1/organisations/{id}/members', { params: { path: { id } } }, { enabled });

export const useJoinRequests = (id: string, enabled = true) =>
  $api.useQuery(
    'get',
    '/api/v1/organisations/{id}/join-requests',
    { params: { path: { id }, query: { limit: 200, status: 'pending', kind: 'request' } } },
    { enabled },
  );

export const useMyOrganisations = () => $api.useQuery('get', '/api/v1/me/organisations');

/** The signed-in user and every read of their own (`/api/v1/me/…`): teams, invitations, family, inbox. */
const refreshMine = (qc: QueryClient) =>
  Promise.all([qc.invalidateQueries({ queryKey: meKey }), refreshUnder(qc, '/api/v1/me/')]);

/** After a change to an organisation: every organisation read (list, details, members, requests) and the caller's own. */
function useAfterOrganisationChange() {
  const qc = useQueryClient();
  return { onSuccess: () => Promise.all([refreshUnder(qc, '/api/v1/organisations'), refreshMine(qc)]) };
}

export const useJoin = () => $api.useMutation('post', '/api/v1/organisations/{id}/join', useAfterOrganisationChange());

export const useApproveRequest = () =>
  $api.useMutation(
    'post',
    '/api/v1/organisations/{id}/join-requests/{requestId}/approve',
    useAfterOrganisationChange(),
  );

export const useDeclineRequest = () =>
  $api.useMutation(
    'post',
    '/api/v1/organisations/{id}/join-requests/{requestId}/decline',
    useAfterOrganisationChange(),
  );

export const useInvite = () =>
  $api.useMutation('post', '/api/v1/organisations/{id}/invitations', useAfterOrganisationChange());

export const useChangeRole = () =>
  $api.useMutation('patch', '/api/v1/organisations/{id}/members/{userId}', useAfterOrganisationChange());

/** Removes a member; with the caller's own id, leaves. */
export const useRemoveMember = () =>
  $api.useMutation('delete', '/api/v1/organisations/{id}/members/{userId}', useAfterOrganisationChange());

export function useCreateOrganisation() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/organisations', {
    onSuccess: () => refresh(qc, pathKey('get', '/api/v1/organisations')),
  });
}

export const useUpdateOrganisation = () =>
  $api.useMutation('patch', '/api/v1/organisations/{id}', useAfterOrganisationChange());

export const useMyInvitations = () => $api.useQuery('get', '/api/v1/me/invitations');

export const useAcceptInvitation = () =>
  $api.useMutation('post', '/api/v1/me/invitations/{invitationId}/accept', useAfterOrganisationChange());

export const useDeclineInvitation = () =>
  $api.useMutation('post', '/api/v1/me/invitations/{invitationId}/decline', useAfterOrganisationChange());

export const NOTIFICATIONS_PAGE = 20;

export const useNotifications = () =>
  $api.useInfiniteQuery(
    'get',
    '/api/v1/me/notifications',
    { params: { query: { limit: NOTIFICATIONS_PAGE } } },
    keysetPages,
  );

const notificationsKey = pathKey('get', '/api/v1/me/notifications');

/** Just the unread count, for a badge; kept fresh by the live event stream (`useLiveEvents`). */
export const useUnreadCount = () =>
  $api.useQuery(
    'get',
    '/api/v1/me/notifications',
    { params: { query: { limit: 1, unread: 'true' } } },
    { select: (page) => page.unreadCount },
  );

/**
 * Listens to the tab's one event stream (api/live.ts) while mounted: a new message refreshes the
 * inbox and its badge at once. After a reconnect the inbox is refreshed too, since events sent while
 * the stream was down are not replayed.
 */
export function useLiveEvents() {
  const qc = useQueryClient();
  useEffect(() => {
    const onChange = () => void refresh(qc, notificationsKey);
    return subscribeLive({ onNotification: onChange, onReconnect: onChange });
  }, [qc]);
}

function useAfterInboxChange() {
  const qc = useQueryClient();
  return { onSuccess: () => refresh(qc, notificationsKey) };
}

export const useMarkRead = () => $api.useMutation('post', '/api/v1/me/notifications/{id}/read', useAfterInboxChange());

export const useMarkAllRead = () =>
  $api.useMutation('post', '/api/v1/me/notifications/read-all', useAfterInboxChange());

export const useMyFamily = () => $api.useQuery('get', '/api/v1/me/family');

/** After a change to a family: the signed-in user's own reads and every family read of the desk. */
function useAfterFamilyChange() {
  const qc = useQueryClient();
  return { onSuccess: () => Promise.all([refreshMine(qc), refreshUnder(qc, '/api/v1/families')]) };
}

export const useAddFamilyMember = () =>
  $api.useMutation('post', '/api/v1/families/{id}/members', useAfterFamilyChange());

export const useRemoveFamilyMember = () =>
  $api.useMutation('delete', '/api/v1/families/{id}/members/{userId}', useAfterFamilyChange());

export const useAcceptFamilyInvitation = () =>
  $api.useMutation('post', '/api/v1/families/{id}/invitation/accept', useAfterFamilyChange());

export const useDeclineFamilyInvitation = () =>
  $api.useMutation('post', '/api/v1/families/{id}/invitation/decline', useAfterFamilyChange());

export type FamilySummary = Ok<'listFamilies'>['items'][number];

export const useFamilies = (regionCode?: string) =>
  $api.useInfiniteQuery('get', '/api/v1/families', { params: { query: { limit: 50, regionCode } } }, keysetPages);

export const useFamily = (id: string | undefined) =>
  $api.useQuery('get', '/api/v1/families/{id}', { params: { path: { id: id ?? '' } } }, { enabled: !!id });

/** Staff at the desk register a family for a head; members who are present are added with `useAddFamilyMember`. */
export const useCreateFamily = () => $api.useMutation('post', '/api/v1/families', useAfterFamilyChange());
