import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { pageQuery, responses } from '../../platform/contract.js';
import { listSitesInScope } from './list-sites.js';
import { siteKinds } from './schema.js';

const siteSummary = z.object({
  id: z.string().uuid(),
  kind: z.enum(siteKinds),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  locationApproximate: z.boolean(),
  pilotBatch: z.number().int().nullable(),
});

export const sitesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sites',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'listSites',
        tags: ['sites'],
        summary: '管辖范围内的阵地（中心、所、站及服务点）',
        querystring: pageQuery.extend({
          kind: z.enum(siteKinds).optional(),
          regionCode: z
            .string()
            .regex(/^\d{6,12}$/)
            .optional(),
        }),
        response: responses({ 200: z.object({ items: z.array(siteSummary), nextCursor: z.string().nullable() }) }),
      },
    },
    async (req) => listSitesInScope(req.ctx(), req.query),
  );
};
