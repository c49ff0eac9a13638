/**
 * The typed API client: openapi-fetch over the server's own OpenAPI types. Writes carry the
 * CSRF token (fetched once, refetched and retried once when the server says it is stale), and
 * `call` turns error bodies into a thrown ApiError.
 */
import createClient from 'openapi-fetch';
import { ApiError, isApiErrorBody, transportError } from './errors.js';
import type { paths } from './schema.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  const res = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw transportError(res.status);
  const body = (await res.json()) as { token: string };
  return body.token;
}

function getCsrfToken(refresh = false): Promise<string> {
  if (refresh || !csrfToken) {
    csrfToken = fetchCsrfToken();
    csrfToken.catch(() => {
      csrfToken = null;
    });
  }
  return csrfToken;
}

/** The server gives a new CSRF secret at sign-in: drop the token of the old one. */
export function forgetCsrfToken() {
  csrfToken = null;
}

async function errorCode(res: Response): Promise<string | null> {
  try {
    const body: unknown = await res.clone().json();
    return isApiErrorBody(body) ? body.error.code : null;
  } catch {
    return null;
  }
}

async function send(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    throw transportError(0);
  }
}

export async function csrfFetch(request: Request): Promise<Response> {
  if (SAFE_METHODS.has(request.method)) return send(request);
  const retry = request.clone();
  request.headers.set('X-CSRF-Token', await getCsrfToken());
  const res = await send(request);
  if (res.status !== 403 || (await errorCode(res)) !== 'CSRF_INVALID') return res;
  retry.headers.set('X-CSRF-Token', await getCsrfToken(true));
  return send(retry);
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: csrfFetch });

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok && data !== undefined) return data;
  if (isApiErrorBody(error)) throw new ApiError(response.status, error.error);
  throw transportError(response.status);
}
