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
 * `routes(tag, [...])` turns a module's list into its Fastify plugin with the module's tag.
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
type SuccessStatus = 200 | 201;

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

export interface RouteSpec<P extends Maybe, Q extends Maybe, B extends Maybe, R extends z.ZodType> {
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
  params?: P;
  query?: Q;
  body?: B;
  /** The success body. */
  response: R;
  /** The success status: 201 for a created record. Default 200. */
  status?: SuccessStatus;
  /** The write may meet a conflict (a state that no longer allows it, a duplicate): documents 409. */
  conflict?: true;
  /** Calls one use case with the caller's context. Returns the body, or the reply it has sent itself. */
  handler: (
    ctx: Ctx,
    req: RouteRequest<P, Q, B>,
    reply: RouteReply<P, Q, B>,
  ) => Promise<z.output<R> | RouteReply<P, Q, B>> | z.output<R>;
}

/** A declared route, ready for Fastify except for its module tag. */
export interface Route {
  method: RouteSpec<Maybe, Maybe, Maybe, z.ZodType>['method'];
  url: string;
  config: FastifyContextConfig;
  schema: {
    operationId: string;
    summary: string;
    description?: string;
    params?: z.ZodType;
    querystring?: z.ZodType;
    body?: z.ZodType;
    response: Record<number, z.ZodType>;
  };
  handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export function defineRoute<
  R extends z.ZodType,
  P extends Maybe = undefined,
  Q extends Maybe = undefined,
  B extends Maybe = undefined,
>(spec: RouteSpec<P, Q, B, R>): Route {
  const status = spec.status ?? 200;
  const ok = { [status]: spec.response };
  const config: FastifyContextConfig = { ...spec.config };
  if (spec.public) config.public = true;
  if (spec.roles) config.roles = spec.roles;
  if (spec.idempotent) config.idempotent = true;
  const schema: Route['schema'] = {
    operationId: spec.operationId,
    summary: spec.summary,
    response: spec.conflict ? responses({ ...ok, 409: errorResponse }) : responses(ok),
  };
  if (spec.description !== undefined) schema.description = spec.description;
  if (spec.params) schema.params = spec.params;
  if (spec.query) schema.querystring = spec.query;
  if (spec.body) schema.body = spec.body;
  const run = spec.handler as unknown as (ctx: Ctx, req: FastifyRequest, reply: FastifyReply) => unknown;
  return {
    method: spec.method,
    url: spec.url,
    config,
    schema,
    handler: async (req, reply) => {
      if (status !== 200) reply.status(status);
      return run(req.ctx(), req, reply);
    },
  };
}

/** A module's routes as one Fastify plugin; every operation carries the module's tag. */
export function routes(tag: string, list: readonly Route[]): FastifyPluginAsyncZod {
  const tags = [tag];
  return async (app) => {
    for (const route of list) app.route({ ...route, schema: { ...route.schema, tags } });
  };
}
