import { z } from 'zod';
import { defineRoute, routes } from '../../platform/route.js';
import { version } from '../../platform/version.js';

const databaseKind = z.enum(['pglite', 'postgres']);

export const healthRoutes = routes('health', (app) => [
  defineRoute({
    method: 'GET',
    url: '/health',
    operationId: 'getHealth',
    summary: '服务状态：版本与数据库连通性',
    public: true,
    // A load balancer reads it: only the two answers below, not the shared errors.
    sharedErrors: false,
    response: z.object({
      status: z.literal('ok'),
      version: z.string(),
      database: z.object({ kind: databaseKind, reachable: z.literal(true) }),
    }),
    otherResponses: {
      503: z.object({
        status: z.literal('degraded'),
        version: z.string(),
        database: z.object({ kind: databaseKind, reachable: z.literal(false) }),
      }),
    },
    handler: async (_ctx, _req, reply) => {
      const kind = app.database.kind;
      if (await app.database.ping())
        return { status: 'ok' as const, version, database: { kind, reachable: true as const } };
      return reply
        .status(503)
        .send({ status: 'degraded' as const, version, database: { kind, reachable: false as const } });
    },
  }),
]);
