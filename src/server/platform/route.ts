/**
 * One route declaration: method, path, contract, who may call it, and the use case it runs.
 *
 *   defineRoute({
 *     method: 'PATCH', url: '/sites/:id', operationId: 'updateSite', summary: '修改阵地信息',
 *     roles: staffRoles, params: siteIdParams, body: updateSiteBody, response: staffSiteDetail,
 *     handler: (ctx, { params, body }) => updateSite(ctx, params.id, body),
 *   })
 *
 * The request's params, query and body are typed from the zod schemas exactly as
 * fastify-type-provider-zod types them, and the handler must return what `response` describes.
 * The shared error responses (400, 401, 403, 404, 429; 409 with `conflict`) are added here, and
 * `routes(tag, [...])` turns a module's list into its Fastify plugin with the module's tag. A module
 * whose routes need the app (a rate limit from the config, a nested plugin, a content-type parser)
 * passes `routes(tag, async (app) => [...])` instead: the function runs once at registration.
 */
import type {
  ContextConfigDefault,
  FastifyContextConfig,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
} from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Ctx } from './context.js';
import { errorResponse, responses } from './contract.js';
import type { Role } from './identity.js';

type Maybe = z.ZodType | undefined;
type SuccessStatus = 200 | 201 | 202;

interface Schemas<P extends Maybe, Q extends Maybe, B extends Maybe> {
  params: P;
  querystring: Q;
  body: B;
}

/** The request as the handler sees it: params, query and body typed from their schemas. */
export type RouteRequest<
  P extends Maybe = undefined,
  Q extends Maybe = undefined,
  B extends Maybe = undefined,
> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  Schemas<P, Q, B>,
  ZodTypeProvider
>;

export type RouteReply<
  P extends Maybe = undefined,
  Q extends Maybe = undefined,
  B extends Maybe = undefined,
> = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  ContextConfigDefault,
  Schemas<P, Q, B>,
  ZodTypeProvider
>;

/** What a handler may return: the body `response` describes, or the reply it has sent itself. */
type Answer<R extends Maybe, Reply> = R extends z.ZodType ? z.output<R> | Reply : Reply;

export interface RouteSpec<P extends Maybe, Q extends Maybe, B extends Maybe, R extends Maybe> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the module's prefix (`/api/v1`), with `:name` path parameters. */
  url: string;
  /** Unique camelCase name; the generated web client calls the operation by it. */
  operationId: string;
  /** One line in Chinese: what the operation does. */
  summary: string;
  description?: string;
  /** Anyone may call it, signed in or not. Without `public` or `roles`, any signed-in user may. */
  public?: true;
  /** Only callers holding one of these roles (anywhere; scope is checked by the use case). */
  roles?: readonly Role[];
  /** Honours an `Idempotency-Key` header (platform/idempotency.ts): a retry gets the first answer. */
  idempotent?: true;
  /** Further route config: rate limits, `beforePasswordChange`. */
  config?: FastifyContextConfig & { rateLimit?: { max: number; timeWindow: string } };
  /** The largest request body in bytes, when it differs from the server's (an upload). */
  bodyLimit?: number;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The success body. Without it no success body is documented, and the handler sends the reply
   * itself (a file download).
   */
  response?: R;
  /** The success status: 201 for a created record, 202 for accepted work. Default 200. */
  status?: SuccessStatus;
  /** The write may meet a conflict (a state that no longer allows it, a duplicate): documents 409. */
  conflict?: true;
  /** Further documented responses by status, for example 413 and 415 of an upload. */
  otherResponses?: Record<number, z.ZodType>;
  /** `false`: document only the declared responses, not the shared errors (the health check). */
  sharedErrors?: false;
  /** Content types of the success body other than JSON (documentation only), for example a PDF. */
  produces?: readonly string[];
  /** Calls one use case with the caller's context. Returns the body, or the reply it has sent itself. */
  handler: (
    ctx: Ctx,
    req: RouteRequest<P, Q, B>,
    reply: RouteReply<P, Q, B>,
  ) => Promise<Answer<R, RouteReply<P, Q, B>>> | Answer<R, RouteReply<P, Q, B>>;
}

/** A declared route, ready for Fastify except for its module tag. */
export interface Route {
  method: RouteSpec<Maybe, Maybe, Maybe, z.ZodType>['method'];
  url: string;
  config: FastifyContextConfig;
  bodyLimit?: number;
  schema: {
    operationId: string;
    summary: string;
    description?: string;
    produces?: readonly string[];
    params?: z.ZodType;
    querystring?: z.ZodType;
    body?: z.ZodType;
    /** Absent when nothing is documented (a download without shared errors): OpenAPI says "Default Response". */
    response?: Record<number, z.ZodType>;
  };
  handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export function defineRoute<
  R extends Maybe = undefined,
  P extends Maybe = undefined,
  Q extends Maybe = undefined,
  B extends Maybe = undefined,
>(spec: RouteSpec<P, Q, B, R>): Route {
  const status = spec.status ?? 200;
  const declared: Record<number, z.ZodType> = { ...spec.otherResponses };
  if (spec.response) declared[status] = spec.response;
  if (spec.conflict) declared[409] = errorResponse;
  const config: FastifyContextConfig = { ...spec.config };
  if (spec.public) config.public = true;
  if (spec.roles) config.roles = spec.roles;
  if (spec.idempotent) config.idempotent = true;
  const response = spec.sharedErrors === false ? declared : responses(declared);
  const schema: Route['schema'] = { operationId: spec.operationId, summary: spec.summary };
  if (Object.keys(response).length) schema.response = response;
  if (spec.description !== undefined) schema.description = spec.description;
  if (spec.produces) schema.produces = spec.produces;
  if (spec.params) schema.params = spec.params;
  if (spec.query) schema.querystring = spec.query;
  if (spec.body) schema.body = spec.body;
  const run = spec.handler as unknown as (ctx: Ctx, req: FastifyRequest, reply: FastifyReply) => unknown;
  return {
    method: spec.method,
    url: spec.url,
    config,
    ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
    schema,
    handler: async (req, reply) => {
      if (status !== 200) reply.status(status);
      return run(req.ctx(), req, reply);
    },
  };
}

/** The app a module's route function receives (its plugin's instance). */
export type RoutesApp = Parameters<FastifyPluginAsyncZod>[0];

/**
 * A module's routes as one Fastify plugin; every operation carries the module's tag. `list` is the
 * routes, or a function of the app that returns them (and may first register what they need).
 */
export function routes(
  tag: string,
  list: readonly Route[] | ((app: RoutesApp) => readonly Route[] | Promise<readonly Route[]>),
): FastifyPluginAsyncZod {
  const tags = [tag];
  return async (app) => {
    const declared = typeof list === 'function' ? await list(app) : list;
    for (const route of declared) app.route({ ...route, schema: { ...route.schema, tags } });
  };
}
