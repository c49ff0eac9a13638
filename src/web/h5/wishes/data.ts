/**
 * Micro-wishes: typed queries and mutations shared by the H5 pages (resident, volunteer, merchant)
 * and the console (keeper). Every write puts the returned wish in the cache and refetches the lists.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.js';
import type { operations } from '../../api/schema.js';
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

export type Wish = Ok<'listWishWall'>['items'][number];
export type WishDetail = Ok<'getWish'>;
export type WishState = Wish['state'];
export type WallState = NonNullable<NonNullable<operations['listWishWall']['parameters']['query']>['state']>;
export type PlaceWishBody = Body<'placeWish'>;

export const WISHES_PAGE = 20;
export const wallStates: WallState[] = ['approved', 'claimed', 'delivered', 'confirmed', 'thanked'];
export const allWishStates: WishState[] = [
  'submitted',
  'approved',
  'rejected',
  'claimed',
  'delivered',
  'confirmed',
  'thanked',
  'withdrawn',
  'expired',
];

export const stateColour: Record<WishState, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  submitted: 'warning',
  approved: 'primary',
  rejected: 'danger',
  claimed: 'primary',
  delivered: 'warning',
  confirmed: 'success',
  thanked: 'success',
  withdrawn: 'default',
  expired: 'default',
};

export const wishKeys = {
  all: ['wishes'] as const,
  one: (id: string) => ['wishes', 'one', id] as const,
};

const page = { initialPageParam: undefined as string | undefined };
const next = (last: { nextCursor: string | null }) => last.nextCursor ?? undefined;

export function useWall(filter: { regionCode?: string; state: WallState }) {
  return useInfiniteQuery({
    ...page,
    queryKey: ['wishes', 'wall', filter],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/wishes/wall', { params: { query: { limit: WISHES_PAGE, cursor: pageParam, ...filter } } })),
    getNextPageParam: next,
  });
}

export function useMyWishes() {
  return useInfiniteQuery({
    ...page,
    queryKey: ['wishes', 'mine'],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/wishes/mine', { params: { query: { limit: WISHES_PAGE, cursor: pageParam } } })),
    getNextPageParam: next,
  });
}

export function useMyClaims() {
  return useInfiniteQuery({
    ...page,
    queryKey: ['wishes', 'claims'],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/wishes/claims', { params: { query: { limit: WISHES_PAGE, cursor: pageParam } } })),
    getNextPageParam: next,
  });
}

export interface StaffWishFilter {
  queue: 'all' | 'review' | 'confirm';
  state?: WishState;
  regionCode?: string;
}

export function useStaffWishes(filter: StaffWishFilter) {
  return useInfiniteQuery({
    ...page,
    queryKey: ['wishes', 'staff', filter],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/wishes', { params: { query: { limit: WISHES_PAGE, cursor: pageParam, ...filter } } })),
    getNextPageParam: next,
    refetchOnWindowFocus: 'always',
  });
}

export function useWish(id: string | null | undefined) {
  return useQuery({
    queryKey: wishKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/wishes/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

function useWishWrite<V>(write: (vars: V) => Promise<WishDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (wish) => {
      qc.setQueryData(wishKeys.one(wish.id), wish);
      void qc.invalidateQueries({ queryKey: wishKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export function usePlaceWish() {
  return useWishWrite((vars: { body: PlaceWishBody; key: string }) =>
    call(api.POST('/api/v1/wishes', { body: vars.body, headers: { 'Idempotency-Key': vars.key } })),
  );
}

export type WishAction =
  | { kind: 'approve' }
  | { kind: 'confirm' }
  | { kind: 'reject'; reason: string }
  | { kind: 'withdraw'; reason?: string }
  | { kind: 'release'; reason?: string }
  | { kind: 'claim'; organisationId?: string; key: string }
  | { kind: 'deliver'; note?: string }
  | { kind: 'thank'; message: string; key: string };

/** One action on one wish, as the API's `actions` allow. */
export function useWishAction() {
  return useWishWrite(({ id, action }: { id: string; action: WishAction }) => {
    const p = path(id);
    switch (action.kind) {
      case 'approve':
        return call(api.POST('/api/v1/wishes/{id}/approve', p));
      case 'confirm':
        return call(api.POST('/api/v1/wishes/{id}/confirm', p));
      case 'reject':
        return call(api.POST('/api/v1/wishes/{id}/reject', { ...p, body: { reason: action.reason } }));
      case 'withdraw':
        return call(api.POST('/api/v1/wishes/{id}/withdraw', { ...p, body: { reason: action.reason } }));
      case 'release':
        return call(api.POST('/api/v1/wishes/{id}/release', { ...p, body: { reason: action.reason } }));
      case 'deliver':
        return call(api.POST('/api/v1/wishes/{id}/deliver', { ...p, body: { note: action.note } }));
      case 'claim':
        return call(
          api.POST('/api/v1/wishes/{id}/claim', {
            ...p,
            body: { organisationId: action.organisationId },
            headers: { 'Idempotency-Key': action.key },
          }),
        );
      case 'thank':
        return call(
          api.POST('/api/v1/wishes/{id}/thank', {
            ...p,
            body: { message: action.message },
            headers: { 'Idempotency-Key': action.key },
          }),
        );
    }
  });
}

/** 80 00 fen → "80"; 12 50 → "12.5". */
export const yuan = (fen: number) => String(Math.round(fen) / 100);
