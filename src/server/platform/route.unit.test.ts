import Fastify, { type FastifyError } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Ctx } from './context.js';
import { errorResponse } from './contract.js';
import { defineRoute, routes } from './route.js';

const item = z.object({ id: z.string(), n: z.number().int() });

const create = defineRoute({
  method: 'POST',
  url: '/items/:id',
  operationId: 'createItem',
  summary: '新建',
  roles: ['centre_admin'],
  idempotent: true,
  params: z.object({ id: z.string().min(2) }),
  query: z.object({ times: z.coerce.number().int().default(1) }),
  body: z.object({ n: z.number().int() }),
  response: item,
  status: 201,
  conflict: true,
  handler: (ctx, { params, query, body }) => ({ id: `${ctx.tenantId}:${params.id}`, n: body.n * query.times }),
});

const read = defineRoute({
  method: 'GET',
  url: '/items',
  operationId: 'listItems',
  summary: '列表',
  public: true,
  response: z.object({ items: z.array(item) }),
  handler: async () => ({ items: [] }),
});

// The types come from the schemas: each line below fails to compile if inference falls back to `any`.
defineRoute({
  method: 'GET',
  url: '/typed/:id',
  operationId: 'typed',
  summary: '类型',
  params: z.object({ id: z.string() }),
  query: z.object({ limit: z.coerce.number() }),
  response: z.object({ id: z.string() }),
  handler: (_ctx, { params, query }) => {
    const limit: number = query.limit;
    // @ts-expect-error params has no `other`
    const other: string = params.other;
    // @ts-expect-error a query number is not a string
    const wrong: string = query.limit;
    void [limit, other, wrong];
    return { id: params.id };
  },
});
defineRoute({
  method: 'GET',
  url: '/typed-out',
  operationId: 'typedOut',
  summary: '类型',
  response: z.object({ id: z.string() }),
  // @ts-expect-error the handler must return what `response` describes
  handler: () => ({ id: 1 }),
});

// Without `response` the handler must send the reply itself.
defineRoute({
  method: 'GET',
  url: '/typed-raw',
  operationId: 'typedRaw',
  summary: '类型',
  // @ts-expect-error no body is declared, so the handler cannot return one
  handler: () => ({ id: '1' }),
});

/** Routes that need the app: a limit from it, a content-type parser, an undocumented raw answer. */
const withApp = routes('raw', (server) => {
  server.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const limit = (server as unknown as { maxBytes: number }).maxBytes;
  return [
    defineRoute({
      method: 'POST',
      url: '/raw',
      operationId: 'postRaw',
      summary: '原文',
      public: true,
      bodyLimit: limit,
      status: 202,
      response: z.object({ length: z.number() }),
      otherResponses: { 413: errorResponse },
      handler: (_ctx, { body }) => ({ length: String(body).length }),
    }),
    defineRoute({
      method: 'GET',
      url: '/raw',
      operationId: 'getRaw',
      summary: '原文',
      public: true,
      sharedErrors: false,
      produces: ['text/plain'],
      otherResponses: { 503: z.object({ down: z.literal(true) }) },
      handler: (_ctx, _req, reply) => reply.header('content-type', 'text/plain').send('raw bytes'),
    }),
  ];
});

async function app() {
  const server = Fastify();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.decorateRequest('ctx', (): Ctx => ({ tenantId: 't1' }) as Ctx);
  server.setErrorHandler((error: FastifyError, _req, reply) =>
    reply.status(error.statusCode ?? 500).send({ error: { code: 'X', message: error.message, messageEn: '' } }),
  );
  const seen: Record<string, unknown> = {};
  server.addHook('onRoute', (r) => {
    seen[String(r.schema?.operationId)] = { config: r.config, schema: r.schema };
  });
  server.decorate('maxBytes', 8);
  await server.register(routes('items', [create, read]));
  await server.register(withApp);
  await server.ready();
  return { server, seen: seen as Record<string, { config: Record<string, unknown>; schema: Record<string, unknown> }> };
}

describe('defineRoute', () => {
  it('runs the handler with the context and the parsed request, answering with the declared status', async () => {
    const { server } = await app();
    const res = await server.inject({ method: 'POST', url: '/items/ab?times=3', payload: { n: 2 } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: 't1:ab', n: 6 });
    expect((await server.inject({ method: 'GET', url: '/items' })).json()).toEqual({ items: [] });
    const bad = await server.inject({ method: 'POST', url: '/items/ab', payload: { n: 'x' } });
    expect(bad.statusCode).toBe(400);
  });

  it('declares access, idempotency, the module tag and the shared error responses', async () => {
    const { seen } = await app();
    const c = seen.createItem;
    const r = seen.listItems;
    if (!c || !r) throw new Error('routes not registered');
    expect(c.config).toMatchObject({ roles: ['centre_admin'], idempotent: true });
    expect(c.config.public).toBeUndefined();
    expect(r.config).toMatchObject({ public: true });
    expect(c.schema.tags).toEqual(['items']);
    const codes = (s: Record<string, unknown>) => Object.keys(s.response as object);
    expect(codes(c.schema)).toEqual(['201', '400', '401', '403', '404', '409', '429']);
    expect(codes(r.schema)).toEqual(['200', '400', '401', '403', '404', '429']);
    expect((c.schema.response as Record<number, unknown>)[409]).toBe(errorResponse);
    expect(c.schema.querystring).toBeDefined();
  });

  it('lets a module read the app: its limits, parsers and raw answers', async () => {
    const { server, seen } = await app();
    const ok = await server.inject({
      method: 'POST',
      url: '/raw',
      payload: 'abcd',
      headers: { 'content-type': 'text/plain' },
    });
    expect(ok.statusCode).toBe(202);
    expect(ok.json()).toEqual({ length: 4 });
    const big = await server.inject({
      method: 'POST',
      url: '/raw',
      payload: 'abcdefghij',
      headers: { 'content-type': 'text/plain' },
    });
    expect(big.statusCode).toBe(413);
    const raw = await server.inject({ method: 'GET', url: '/raw' });
    expect(raw.body).toBe('raw bytes');
    const codes = (s: Record<string, unknown>) => Object.keys(s.response as object);
    const post = seen.postRaw;
    const get = seen.getRaw;
    if (!post || !get) throw new Error('routes not registered');
    expect(codes(post.schema)).toEqual(['202', '400', '401', '403', '404', '413', '429']);
    expect(codes(get.schema)).toEqual(['503']);
    expect(get.schema.produces).toEqual(['text/plain']);
    expect(post.schema.tags).toEqual(['raw']);
  });
});
