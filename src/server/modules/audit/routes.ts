import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { pageQuery } from '../../platform/contract.js';
import { defineRoute, routes } from '../../platform/route.js';
import { listAudit } from './list-audit.js';

const auditEntry = z.object({
  id: z.number().int(),
  at: z.string().datetime({ offset: true }),
  actorId: z.string().uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});

export const auditRoutes = routes('audit', [
  defineRoute({
    method: 'GET',
    url: '/audit-log',
    operationId: 'listAuditLog',
    summary: '审计日志：谁修改了什么、谁查看了个人信息（按管辖范围）',
    roles: staffRoles,
    query: pageQuery.extend({
      regionCode: z
        .string()
        .regex(/^\d{6,12}$/)
        .optional(),
      action: z.string().max(64).optional(),
      entityType: z.string().max(64).optional(),
      entityId: z.string().max(64).optional(),
    }),
    response: z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() }),
    handler: (ctx, { query }) => listAudit(ctx, query),
  }),
]);
