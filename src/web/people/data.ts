/**
 * Teams and organisations, volunteer families and the inbox: typed queries and mutations shared by
 * the H5 pages and the console. Every mutation refreshes what it changes.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, call } from '../api/client.js';
import { subscribeLive } from '../api/live.js';
import type { components, operations } from '../api/schema.js';

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

export const keys = {
  organisations: ['organisations'] as const,
  organisation: (id: string) => ['organisation', id] as const,
  members: (id: string) => ['organisation', id, 'members'] as const,
  requests: (id: string) => ['organisation', id, 'requests'] as const,
  myOrganisations: ['me', 'organisations'] as const,
  invitations: ['me', 'invitations'] as const,
  notifications: ['me', 'notifications'] as const,
  family: ['me', 'family'] as const,
};

export const ORGANISATIONS_PAGE = 20;

export function useOrganisations(filter: { kind?: OrganisationKind; regionCode?: string; q?: string }) {
  return useInfiniteQuery({
    queryKey: [...keys.organisations, filter.kind ?? null, filter.regionCode ?? null, filter.q ?? null],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/organisations', {
          params: {
            query: {
              limit: ORGANISATIONS_PAGE,
              cursor: pageParam,
              kind: filter.kind,
              regionCode: filter.regionCode,
              q: filter.q || undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: keys.organisation(id),
    queryFn: () => call(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
  });
}

export function useMembers(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.members(id),
    queryFn: () => call(api.GET('/api/v1/organisations/{id}/members', { params: { path: { id } } })),
    enabled,
  });
}

export function useJoinRequests(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.requests(id),
    queryFn: () =>
      call(
        api.GET('/api/v1/organisations/{id}/join-requests', {
          params: { path: { id }, query: { limit: 200, status: 'pending', kind: 'request' } },
        }),
      ),
    enabled,
  });
}

export function useMyOrganisations() {
  return useQuery({
    queryKey: keys.myOrganisations,
    queryFn: () => call(api.GET('/api/v1/me/organisations')),
  });
}

/** Refreshes everything about one organisation and the caller's own lists. */
function useRefreshOrganisation() {
  const qc = useQueryClient();
  return (id: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['organisation', id] }),
      qc.invalidateQueries({ queryKey: keys.organisations }),
      qc.invalidateQueries({ queryKey: ['me'] }),
    ]);
}

export function useJoin(id: string) {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: (message?: string) =>
      call(api.POST('/api/v1/organisations/{id}/join', { params: { path: { id } }, body: { message } })),
    onSuccess: () => refresh(id),
  });
}

export function useDecideRequest(id: string) {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: ({ requestId, approve, reason }: { requestId: string; approve: boolean; reason?: string }) =>
      approve
        ? call(
            api.POST('/api/v1/organisations/{id}/join-requests/{requestId}/approve', {
              params: { path: { id, requestId } },
            }),
          )
        : call(
            api.POST('/api/v1/organisations/{id}/join-requests/{requestId}/decline', {
              params: { path: { id, requestId } },
              body: { reason: reason || undefined },
            }),
          ),
    onSuccess: () => refresh(id),
  });
}

export function useInvite(id: string) {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: (body: { phone: string; role: MemberRole; message?: string }) =>
      call(api.POST('/api/v1/organisations/{id}/invitations', { params: { path: { id } }, body })),
    onSuccess: () => refresh(id),
  });
}

export function useChangeRole(id: string) {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MemberRole }) =>
      call(
        api.PATCH('/api/v1/organisations/{id}/members/{userId}', { params: { path: { id, userId } }, body: { role } }),
      ),
    onSuccess: () => refresh(id),
  });
}

/** Removes a member; with the caller's own id, leaves. */
export function useRemoveMember(id: string) {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: (userId: string) =>
      call(api.DELETE('/api/v1/organisations/{id}/members/{userId}', { params: { path: { id, userId } } })),
    onSuccess: () => refresh(id),
  });
}

export function useCreateOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: operations['createOrganisation']['requestBody']['content']['application/json']) =>
      call(api.POST('/api/v1/organisations', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.organisations }),
  });
}

export function useUpdateOrganisation(id: string) {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: (body: operations['updateOrganisation']['requestBody']['content']['application/json']) =>
      call(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refresh(id),
  });
}

export function useMyInvitations() {
  return useQuery({ queryKey: keys.invitations, queryFn: () => call(api.GET('/api/v1/me/invitations')) });
}

export function useAnswerInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ invitationId, accept }: { invitationId: string; accept: boolean }) =>
      accept
        ? call(api.POST('/api/v1/me/invitations/{invitationId}/accept', { params: { path: { invitationId } } }))
        : call(api.POST('/api/v1/me/invitations/{invitationId}/decline', { params: { path: { invitationId } } })),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: ['me'] }), qc.invalidateQueries({ queryKey: ['organisation'] })]),
  });
}

export const NOTIFICATIONS_PAGE = 20;

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: keys.notifications,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/me/notifications', { params: { query: { limit: NOTIFICATIONS_PAGE, cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Just the unread count, for a badge; kept fresh by the live event stream (`useLiveEvents`). */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...keys.notifications, 'unread'],
    queryFn: async () =>
      (await call(api.GET('/api/v1/me/notifications', { params: { query: { limit: 1, unread: 'true' } } })))
        .unreadCount,
  });
}

/**
 * Listens to the tab's one event stream (api/live.ts) while mounted: a new message refreshes the
 * inbox and its badge at once. After a reconnect the inbox is refreshed too, since events sent while
 * the stream was down are not replayed.
 */
export function useLiveEvents() {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: keys.notifications });
    return subscribeLive({ onNotification: refresh, onReconnect: refresh });
  }, [qc]);
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | 'all'): Promise<void> => {
      if (id === 'all') await call(api.POST('/api/v1/me/notifications/read-all'));
      else await call(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.notifications }),
  });
}

export function useMyFamily() {
  return useQuery({ queryKey: keys.family, queryFn: () => call(api.GET('/api/v1/me/family')) });
}

export function useFamilyActions(familyId: string | undefined) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['me'] });
  const id = familyId ?? '';
  return {
    add: useMutation({
      mutationFn: (body: { phone: string; relation: Exclude<FamilyRelation, 'self'> }) =>
        call(api.POST('/api/v1/families/{id}/members', { params: { path: { id } }, body })),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (userId: string) =>
        call(api.DELETE('/api/v1/families/{id}/members/{userId}', { params: { path: { id, userId } } })),
      onSuccess: refresh,
    }),
  };
}

export function useAnswerFamilyInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ familyId, accept }: { familyId: string; accept: boolean }) =>
      accept
        ? call(api.POST('/api/v1/families/{id}/invitation/accept', { params: { path: { id: familyId } } }))
        : call(api.POST('/api/v1/families/{id}/invitation/decline', { params: { path: { id: familyId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me'] }),
  });
}

export type FamilySummary = Ok<'listFamilies'>['items'][number];

export function useFamilies(regionCode?: string) {
  return useInfiniteQuery({
    queryKey: ['families', regionCode ?? null],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/families', { params: { query: { limit: 50, cursor: pageParam, regionCode } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useFamily(id: string | undefined) {
  return useQuery({
    queryKey: ['family', id],
    queryFn: () => call(api.GET('/api/v1/families/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

/** Staff at the desk: register a family for a head, add members who are present. */
export function useDeskFamilyActions() {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['families'] }), qc.invalidateQueries({ queryKey: ['family'] })]);
  return {
    create: useMutation({
      mutationFn: (body: { name: string; regionCode: string; headPhone: string }) =>
        call(api.POST('/api/v1/families', { body })),
      onSuccess: refresh,
    }),
    add: useMutation({
      mutationFn: ({ id, ...body }: { id: string; phone: string; relation: Exclude<FamilyRelation, 'self'> }) =>
        call(api.POST('/api/v1/families/{id}/members', { params: { path: { id } }, body })),
      onSuccess: refresh,
    }),
  };
}
