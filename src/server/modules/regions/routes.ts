import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { regionLevel } from '../../platform/contract.js';
import { defineRoute, routes } from '../../platform/route.js';
import { listRegionsInScope } from './list-regions.js';

const regionNode = z.object({
  code: z.string(),
  parentCode: z.string().nullable().describe('null for the roots of the caller’s scope'),
  level: regionLevel,
  name: z.string(),
  officialName: z.string(),
  siteCount: z.number().int(),
});

export const regionsRoutes = routes('regions', [
  defineRoute({
    method: 'GET',
    url: '/regions',
    operationId: 'listRegions',
    summary: '管辖范围内的区域树（区 → 街道/镇 → 社区/村）',
    roles: staffRoles,
    response: z.object({ roots: z.array(z.string()), regions: z.array(regionNode) }),
    handler: (ctx) => listRegionsInScope(ctx),
  }),
]);
