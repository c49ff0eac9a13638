/**
 * The service menu and the order loop: typed queries and mutations shared by the H5 pages (resident,
 * volunteer) and the console (keeper, dispatcher). Every write refreshes the orders it changed.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, csrfFetch } from '../api/client.js';
import { ApiError, isApiErrorBody, transportError } from '../api/errors.js';
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

export type Category = Ok<'listServiceCategories'>['items'][number];
export type MenuItem = Ok<'getPublicMenuItem'>;
export type Order = Ok<'listMyOrders'>['items'][number];
export type OrderDetail = Ok<'getOrder'>;
export type OrderState = Order['state'];
export type OrderActions = Order['actions'];
export type PlaceOrderBody = Body<'placeOrder'>;
export type DispatchTarget = Body<'dispatchOrder'>['target'];
export type CreateItemBody = Body<'createMenuItem'>;
export type UpdateItemBody = Body<'updateMenuItem'>;
export type TaskView = NonNullable<NonNullable<operations['listMyTasks']['parameters']['query']>['view']>;

const stateSet: Record<OrderState, true> = {
  submitted: true,
  reviewed: true,
  rejected: true,
  dispatched: true,
  accepted: true,
  in_service: true,
  completed: true,
  rated: true,
  closed: true,
  cancelled: true,
};
export const orderStates = Object.keys(stateSet) as OrderState[];

export const ORDERS_PAGE = 20;
export const MENU_PAGE = 20;

export const orderKeys = {
  all: ['orders'] as const,
  one: (id: string) => ['orders', 'one', id] as const,
  mine: (state?: OrderState) => ['orders', 'mine', state ?? null] as const,
  tasks: (view: TaskView) => ['orders', 'tasks', view] as const,
  staff: (filter: StaffOrderFilter) => ['orders', 'staff', filter] as const,
};

export function useCategories() {
  return useQuery({
    queryKey: ['service-categories'],
    queryFn: () => call(api.GET('/api/v1/public/service-categories')),
    staleTime: 10 * 60_000,
  });
}

export interface MenuFilter {
  category?: string;
  regionCode?: string;
  lng?: number;
  lat?: number;
  q?: string;
}

export function useMenu(filter: MenuFilter) {
  return useInfiniteQuery({
    queryKey: ['menu', filter],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/public/menu-items', { params: { query: { limit: MENU_PAGE, cursor: pageParam, ...filter } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMenuItem(id: string | undefined) {
  return useQuery({
    queryKey: ['menu-item', id],
    queryFn: () => call(api.GET('/api/v1/public/menu-items/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

export function useMyOrders(state?: OrderState) {
  return useInfiniteQuery({
    queryKey: orderKeys.mine(state),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/orders/mine', { params: { query: { limit: ORDERS_PAGE, cursor: pageParam, state } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTasks(view: TaskView) {
  return useInfiniteQuery({
    queryKey: orderKeys.tasks(view),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/orders/tasks', { params: { query: { limit: ORDERS_PAGE, cursor: pageParam, view } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnWindowFocus: 'always',
  });
}

export interface StaffOrderFilter {
  state?: OrderState;
  regionCode?: string;
  queue: 'all' | 'mine';
}

export function useStaffOrders(filter: StaffOrderFilter) {
  return useInfiniteQuery({
    queryKey: orderKeys.staff(filter),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/orders', { params: { query: { limit: ORDERS_PAGE, cursor: pageParam, ...filter } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnWindowFocus: 'always',
  });
}

export type Candidates = Ok<'getOrderCandidates'>;

/** The dispatch engine's best volunteers for one order, with readable reasons. */
export function useCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['orders', 'candidates', id],
    queryFn: () => call(api.GET('/api/v1/orders/{id}/candidates', { params: { path: { id }, query: { k: 5 } } })),
    enabled,
  });
}

export function useOrder(id: string | null | undefined) {
  return useQuery({
    queryKey: orderKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/orders/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

/** After a write: the order itself is known; every list it may sit in is refetched. */
function useOrderWrite<V>(write: (vars: V) => Promise<OrderDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (order) => {
      qc.setQueryData(orderKeys.one(order.id), order);
      void qc.invalidateQueries({ queryKey: orderKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export function usePlaceOrder() {
  return useOrderWrite((vars: { body: PlaceOrderBody; key: string }) =>
    call(api.POST('/api/v1/orders', { body: vars.body, headers: { 'Idempotency-Key': vars.key } })),
  );
}

export type SimpleAction = 'review' | 'accept' | 'take-over' | 'close';
export function useSimpleAction() {
  return useOrderWrite(({ id, action }: { id: string; action: SimpleAction }) => {
    if (action === 'review') return call(api.POST('/api/v1/orders/{id}/review', path(id)));
    if (action === 'accept') return call(api.POST('/api/v1/orders/{id}/accept', path(id)));
    if (action === 'take-over') return call(api.POST('/api/v1/orders/{id}/take-over', path(id)));
    return call(api.POST('/api/v1/orders/{id}/close', path(id)));
  });
}

export type ReasonAction = 'reject' | 'decline' | 'cancel' | 'recall';
export function useReasonAction() {
  return useOrderWrite(({ id, action, reason }: { id: string; action: ReasonAction; reason?: string }) => {
    if (action === 'reject')
      return call(api.POST('/api/v1/orders/{id}/reject', { ...path(id), body: { reason: reason ?? '' } }));
    if (action === 'decline')
      return call(api.POST('/api/v1/orders/{id}/decline', { ...path(id), body: { reason: reason ?? '' } }));
    if (action === 'cancel') return call(api.POST('/api/v1/orders/{id}/cancel', { ...path(id), body: { reason } }));
    return call(api.POST('/api/v1/orders/{id}/recall', { ...path(id), body: { reason } }));
  });
}

export function useDispatch() {
  return useOrderWrite(({ id, target, note }: { id: string; target: DispatchTarget; note?: string }) =>
    call(api.POST('/api/v1/orders/{id}/dispatch', { ...path(id), body: { target, note } })),
  );
}

export function useCheckIn() {
  return useOrderWrite(
    ({ id, lng, lat, accuracy, note }: { id: string; lng?: number; lat?: number; accuracy?: number; note?: string }) =>
      call(api.POST('/api/v1/orders/{id}/check-in', { ...path(id), body: { lng, lat, accuracy, note } })),
  );
}

export function useComplete() {
  return useOrderWrite(({ id, summary, photoFileIds }: { id: string; summary: string; photoFileIds: string[] }) =>
    call(api.POST('/api/v1/orders/{id}/complete', { ...path(id), body: { summary, photoFileIds } })),
  );
}

export function useRate() {
  return useOrderWrite(({ id, stars, comment }: { id: string; stars: number; comment: string }) =>
    call(api.POST('/api/v1/orders/{id}/rate', { ...path(id), body: { stars, comment } })),
  );
}

export type UploadedFile = operations['uploadFile']['responses'][201]['content']['application/json'];

/** Uploads one photo as the raw request body (the server reads its type from the content). */
export const uploadPhoto = (file: File) => uploadFile(file, 'photo');

/** Uploads one file (a photo, or an attachment: image or PDF) as the raw request body. */
export async function uploadFile(file: File, purpose: 'photo' | 'attachment'): Promise<UploadedFile> {
  const url = `/api/v1/files?purpose=${purpose}&name=${encodeURIComponent(file.name.slice(0, 200))}`;
  const res = await csrfFetch(new Request(url, { method: 'POST', body: file, credentials: 'same-origin' }));
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return body as UploadedFile;
  if (isApiErrorBody(body)) throw new ApiError(res.status, body.error);
  throw transportError(res.status);
}

/** Staff: the menu in scope, including inactive items. */
export function useStaffMenu(filter: { category?: string; active: 'true' | 'false' | 'all' }) {
  return useInfiniteQuery({
    queryKey: ['menu', 'staff', filter],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/menu-items', { params: { query: { limit: MENU_PAGE, cursor: pageParam, ...filter } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAllCategories() {
  return useQuery({
    queryKey: ['service-categories', 'all'],
    queryFn: () => call(api.GET('/api/v1/service-categories')),
  });
}

function useMenuWrite<V, R>(write: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['menu'] });
      void qc.invalidateQueries({ queryKey: ['service-categories'] });
    },
  });
}

export function useSaveItem() {
  return useMenuWrite(({ id, body, create }: { id?: string; body: UpdateItemBody; create?: CreateItemBody }) =>
    id
      ? call(api.PATCH('/api/v1/menu-items/{id}', { ...path(id), body }))
      : call(api.POST('/api/v1/menu-items', { body: create as CreateItemBody })),
  );
}

export function useSaveCategory() {
  return useMenuWrite(({ code, body }: { code: string; body: Body<'saveServiceCategory'> }) =>
    call(api.PUT('/api/v1/service-categories/{code}', { params: { path: { code } }, body })),
  );
}
