/**
 * Typed TanStack Query hooks generated from the OpenAPI paths (openapi-react-query over the same
 * openapi-fetch client settings): `$api.useQuery('get', '/api/v1/regions')`,
 * `$api.useInfiniteQuery(…)`, `$api.useMutation('post', …)`. Paths, parameters and results are
 * checked against the server's contract; a failed request throws the same ApiError as `call()`.
 *
 * A query's key is `[method, path, init]`, so `pathKey('get', '/api/v1/volunteers')` refreshes every
 * page and filter of that list after a change.
 */
import type { QueryClient, QueryFunctionContext, QueryKey } from '@tanstack/react-query';
import createFetchClient, { type Middleware } from 'openapi-fetch';
import createClient from 'openapi-react-query';
import type { HttpMethod, PathsWithMethod } from 'openapi-typescript-helpers';
import { csrfFetch } from './client.js';
import { ApiError, isApiErrorBody, transportError } from './errors.js';
import type { paths } from './schema.js';

/** Any answer that is not 2xx becomes an ApiError, as `call()` does. */
const throwApiErrors: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    let body: unknown = null;
    try {
      body = await response.clone().json();
    } catch {
      // not JSON: a proxy page or an empty answer
    }
    throw isApiErrorBody(body) ? new ApiError(response.status, body.error) : transportError(response.status);
  },
};

const fetchClient = createFetchClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: csrfFetch });
fetchClient.use(throwApiErrors);

export const $api = createClient(fetchClient);

/** The key prefix of every query of one operation, whatever its parameters. */
export function pathKey<M extends HttpMethod>(method: M, path: PathsWithMethod<paths, M>) {
  return [method, path] as const;
}

/** Refreshes every query of these operations (e.g. a list after a change to one of its rows). */
export function refresh(qc: QueryClient, ...keys: ReturnType<typeof pathKey>[]) {
  return Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
}

/** Refreshes every query whose path starts with one of these prefixes (e.g. every read of one module). */
export function refreshUnder(qc: QueryClient, ...prefixes: string[]) {
  return qc.invalidateQueries({
    predicate: ({ queryKey: [, path] }) => typeof path === 'string' && prefixes.some((p) => path.startsWith(p)),
  });
}

/** Keyset pages: the first request has no cursor, each later one the previous page's `nextCursor`. */
export const keysetPages = {
  initialPageParam: null as string | null,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor,
};

/**
 * The options of a query whose "not there" answer is `null` rather than an error: `GET /me` without
 * a session (401), a record the caller does not have yet (404).
 */
export function nullOn<TData, TKey extends QueryKey>(
  status: number,
  {
    queryKey,
    queryFn,
  }: { queryKey: TKey; queryFn: (ctx: QueryFunctionContext<TKey, never>) => TData | Promise<TData> },
) {
  return {
    queryKey,
    queryFn: async (ctx: QueryFunctionContext<TKey, never>): Promise<TData | null> => {
      try {
        return await queryFn(ctx);
      } catch (err) {
        if (err instanceof ApiError && err.status === status) return null;
        throw err;
      }
    },
  };
}
