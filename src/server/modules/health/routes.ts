import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { version } from '../../platform/version.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: '服务状态：版本与数据库连通性',
        response: {
          200: z.object({
            status: z.literal('ok'),
            version: z.string(),
            database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.literal(true) }),
          }),
          503: z.object({
            status: z.literal('degraded'),
            version: z.string(),
            database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.literal(false) }),
          }),
        },
      },
    },
    async (_req, reply) => {
      const kind = app.database.kind;
      if (await app.database.ping())
        return { status: 'ok' as const, version, database: { kind, reachable: true as const } };
      return reply
        .status(503)
        .send({ status: 'degraded' as const, version, database: { kind, reachable: false as const } });
    },
  );
};
