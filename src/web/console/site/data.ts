/** Console data for one site: its detail and edits, its book drift corner and its self-help corner. */
import { useQueryClient } from '@tanstack/react-query';
import { $api, keysetPages, pathKey, refresh } from '../../api/queries.js';
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

const siteQuery = (id: string) => $api.queryOptions('get', '/api/v1/sites/{id}', { params: { path: { id } } });

export const useStaffSite = (id: string) => $api.useQuery('get', '/api/v1/sites/{id}', { params: { path: { id } } });

/** After a change to a site: its detail, the console list and the public pages show the new state. */
function useSiteChanged(id: string) {
  const qc = useQueryClient();
  return (site?: StaffSite) => {
    if (site) qc.setQueryData(siteQuery(id).queryKey, site);
    else void qc.invalidateQueries({ queryKey: siteQuery(id).queryKey });
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
  return $api.useMutation('patch', '/api/v1/sites/{id}', { onSuccess: (site) => changed(site) });
}

export function useCorrectLocation(id: string) {
  const changed = useSiteChanged(id);
  return $api.useMutation('patch', '/api/v1/sites/{id}/location', { onSuccess: () => changed() });
}

export function useAddStaff(id: string) {
  const changed = useSiteChanged(id);
  return $api.useMutation('post', '/api/v1/sites/{id}/staff', { onSuccess: (site) => changed(site) });
}

export function useRemoveStaff(id: string) {
  const changed = useSiteChanged(id);
  return $api.useMutation('delete', '/api/v1/sites/{id}/staff/{userId}', { onSuccess: (site) => changed(site) });
}

// ── book drift corner ─────────────────────────────────────────────────────────
export const useBooks = (siteId: string, state: BookState) =>
  $api.useInfiniteQuery(
    'get',
    '/api/v1/sites/{siteId}/books',
    { params: { path: { siteId }, query: { state, limit: 50 } } },
    keysetPages,
  );

function useBooksChanged() {
  const qc = useQueryClient();
  return {
    onSuccess: () =>
      void refresh(
        qc,
        pathKey('get', '/api/v1/sites/{siteId}/books'),
        pathKey('get', '/api/v1/book-loans'),
        pathKey('get', '/api/v1/public/sites/{siteId}/services'),
      ),
  };
}

export const useRegisterBook = () => $api.useMutation('post', '/api/v1/sites/{siteId}/books', useBooksChanged());

export const useLendBook = () =>
  $api.useMutation('post', '/api/v1/sites/{siteId}/books/{bookId}/loans', useBooksChanged());

export const useReturnBook = () =>
  $api.useMutation('post', '/api/v1/sites/{siteId}/books/{bookId}/return', useBooksChanged());

// ── self-help corner ─────────────────────────────────────────────────────────
export const useSelfHelpItems = (siteId: string) =>
  $api.useQuery('get', '/api/v1/sites/{siteId}/self-help-items', { params: { path: { siteId } } });

function useItemsChanged() {
  const qc = useQueryClient();
  return {
    onSuccess: () =>
      void refresh(
        qc,
        pathKey('get', '/api/v1/sites/{siteId}/self-help-items'),
        pathKey('get', '/api/v1/sites/{siteId}/self-help-items/{itemId}/movements'),
        pathKey('get', '/api/v1/public/sites/{siteId}/services'),
      ),
  };
}

export const useCreateItem = () =>
  $api.useMutation('post', '/api/v1/sites/{siteId}/self-help-items', useItemsChanged());

/** Taking from and restocking an item of the self-help corner. */
export function useMoveItem() {
  const changed = useItemsChanged();
  return {
    take: $api.useMutation('post', '/api/v1/sites/{siteId}/self-help-items/{itemId}/take', changed),
    restock: $api.useMutation('post', '/api/v1/sites/{siteId}/self-help-items/{itemId}/restock', changed),
  };
}

export const useMovements = (siteId: string, itemId: string | null) =>
  $api.useQuery(
    'get',
    '/api/v1/sites/{siteId}/self-help-items/{itemId}/movements',
    { params: { path: { siteId, itemId: itemId ?? '' }, query: { limit: 50 } } },
    { enabled: Boolean(itemId) },
  );
