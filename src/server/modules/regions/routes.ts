import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { regionLevel, responses } from '../../platform/contract.js';
import { listRegionsInScope } from './list-regions.js';

const regionNode = z.object({
  code: z.string(),
  parentCode: z.string().nullable().describe('null for the roots of the caller’s scope'),
  level: regionLevel,
  name: z.string(),
  officialName: z.string(),
  siteCount: z.number().int(),
});

export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'listRegions',
        tags: ['regions'],
        summary: '管辖范围内的区域树（区 → 街道/镇 → 社区/村）',
        response: responses({ 200: z.object({ roots: z.array(z.string()), regions: z.array(regionNode) }) }),
      },
    },
    async (req) => listRegionsInScope(req.ctx()),
  );
};
