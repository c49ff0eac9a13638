/** Console data for one site: its detail and edits, its book drift corner and its self-help corner. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.js';
import { pathKey, refresh } from '../../api/queries.js';
import type { operations } from '../../api/schema.js';

type Ok<K extends keyof operations, S extends number = 200> = operations[K] extends {
  responses: { [P in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Body<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type StaffSite = Ok<'getSite'>;
export type Book = Ok<'listDriftBooks'>['items'][number];
export type Loan = Ok<'listBookLoans'>['items'][number];
export type SelfHelpItem = Ok<'listSelfHelpItems'>['items'][number];
export type Movement = Ok<'listSelfHelpMovements'>['items'][number];
export type UpdateSiteBody = Body<'updateSite'>;
export type BookState = NonNullable<operations['listDriftBooks']['parameters']['query']>['state'];

const siteKey = (id: string) => ['site', id] as const;

export function useStaffSite(id: string) {
  return useQuery({
    queryKey: siteKey(id),
    queryFn: () => call(api.GET('/api/v1/sites/{id}', { params: { path: { id } } })),
  });
}

/** After a change to a site: its detail, the console list and the public pages show the new state. */
function useSiteChanged(id: string) {
  const qc = useQueryClient();
  return (site?: StaffSite) => {
    if (site) qc.setQueryData(siteKey(id), site);
    else void qc.invalidateQueries({ queryKey: siteKey(id) });
    void refresh(
      qc,
      pathKey('get', '/api/v1/sites'),
      pathKey('get', '/api/v1/public/sites/map'),
      pathKey('get', '/api/v1/public/sites/{id}'),
    );
  };
}

export function useUpdateSite(id: string) {
  const changed = useSiteChanged(id);
  return useMutation({
    mutationFn: (body: UpdateSiteBody) => call(api.PATCH('/api/v1/sites/{id}', { params: { path: { id } }, body })),
    onSuccess: (site) => changed(site),
  });
}

export function useCorrectLocation(id: string) {
  const changed = useSiteChanged(id);
  return useMutation({
    mutationFn: (body: { lng: number; lat: number }) =>
      call(api.PATCH('/api/v1/sites/{id}/location', { params: { path: { id } }, body })),
    onSuccess: () => changed(),
  });
}

export function useAddStaff(id: string) {
  const changed = useSiteChanged(id);
  return useMutation({
    mutationFn: (body: { phone: string; title: string }) =>
      call(api.POST('/api/v1/sites/{id}/staff', { params: { path: { id } }, body })),
    onSuccess: (site) => changed(site),
  });
}

export function useRemoveStaff(id: string) {
  const changed = useSiteChanged(id);
  return useMutation({
    mutationFn: (userId: string) =>
      call(api.DELETE('/api/v1/sites/{id}/staff/{userId}', { params: { path: { id, userId } } })),
    onSuccess: (site) => changed(site),
  });
}

// ── book drift corner ─────────────────────────────────────────────────────────
export function useBooks(siteId: string, state: BookState) {
  return useInfiniteQuery({
    queryKey: ['site-books', siteId, state],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/sites/{siteId}/books', {
          params: { path: { siteId }, query: { state, limit: 50, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useBooksChanged(siteId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['site-books', siteId] });
    void qc.invalidateQueries({ queryKey: ['book-loans'] });
    void refresh(qc, pathKey('get', '/api/v1/public/sites/{siteId}/services'));
  };
}

export function useRegisterBook(siteId: string) {
  const changed = useBooksChanged(siteId);
  return useMutation({
    mutationFn: (body: Body<'registerDriftBook'>) =>
      call(api.POST('/api/v1/sites/{siteId}/books', { params: { path: { siteId } }, body })),
    onSuccess: changed,
  });
}

export function useLendBook(siteId: string) {
  const changed = useBooksChanged(siteId);
  return useMutation({
    mutationFn: ({ bookId, body }: { bookId: string; body: Body<'lendDriftBook'> }) =>
      call(api.POST('/api/v1/sites/{siteId}/books/{bookId}/loans', { params: { path: { siteId, bookId } }, body })),
    onSuccess: changed,
  });
}

export function useReturnBook(siteId: string) {
  const changed = useBooksChanged(siteId);
  return useMutation({
    mutationFn: (bookId: string) =>
      call(api.POST('/api/v1/sites/{siteId}/books/{bookId}/return', { params: { path: { siteId, bookId } } })),
    onSuccess: changed,
  });
}

// ── self-help corner ─────────────────────────────────────────────────────────
export function useSelfHelpItems(siteId: string) {
  return useQuery({
    queryKey: ['self-help', siteId],
    queryFn: () => call(api.GET('/api/v1/sites/{siteId}/self-help-items', { params: { path: { siteId } } })),
  });
}

function useItemsChanged(siteId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['self-help', siteId] });
    void qc.invalidateQueries({ queryKey: ['self-help-movements', siteId] });
    void refresh(qc, pathKey('get', '/api/v1/public/sites/{siteId}/services'));
  };
}

export function useCreateItem(siteId: string) {
  const changed = useItemsChanged(siteId);
  return useMutation({
    mutationFn: (body: Body<'createSelfHelpItem'>) =>
      call(api.POST('/api/v1/sites/{siteId}/self-help-items', { params: { path: { siteId } }, body })),
    onSuccess: changed,
  });
}

export function useMoveItem(siteId: string) {
  const changed = useItemsChanged(siteId);
  return useMutation({
    mutationFn: ({ itemId, kind, quantity }: { itemId: string; kind: 'take' | 'restock'; quantity: number }) =>
      kind === 'take'
        ? call(
            api.POST('/api/v1/sites/{siteId}/self-help-items/{itemId}/take', {
              params: { path: { siteId, itemId } },
              body: { quantity },
            }),
          )
        : call(
            api.POST('/api/v1/sites/{siteId}/self-help-items/{itemId}/restock', {
              params: { path: { siteId, itemId } },
              body: { quantity },
            }),
          ),
    onSuccess: changed,
  });
}

export function useMovements(siteId: string, itemId: string | null) {
  return useQuery({
    queryKey: ['self-help-movements', siteId, itemId],
    enabled: Boolean(itemId),
    queryFn: () =>
      call(
        api.GET('/api/v1/sites/{siteId}/self-help-items/{itemId}/movements', {
          params: { path: { siteId, itemId: itemId as string }, query: { limit: 50 } },
        }),
      ),
  });
}
