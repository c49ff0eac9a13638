import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { updateCallBody } from './contract.js';
import { findCall, getCall } from './list-calls.js';
import { projectCalls } from './schema.js';

/**
 * Staff of the issuing region change a call's text, window and requirements. Its level and region stay:
 * projects already submitted were routed by them.
 */
export async function updateCall(ctx: Ctx, id: string, body: z.output<typeof updateCallBody>) {
  const actor = requireActor(ctx);
  const call = await findCall(ctx.db, actor.tenantId, id);
  if (!call || !inScope(actor, call.regionCode)) throw new AppError('NOT_FOUND');
  const opensAt = body.opensAt ? new Date(body.opensAt) : call.opensAt;
  const closesAt = body.closesAt ? new Date(body.closesAt) : call.closesAt;
  if (closesAt <= opensAt)
    throw fieldError('body.closesAt', '截止时间须晚于开始时间', 'The window must close after it opens');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(projectCalls)
      .set({ ...body, opensAt, closesAt })
      .where(and(eq(projectCalls.tenantId, actor.tenantId), eq(projectCalls.id, id)));
    await writeAudit(tx, auditContext(ctx), {
      action: 'project_call.update',
      entityType: 'project_call',
      entityId: id,
      regionCode: call.regionCode,
      detail: { fields: Object.keys(body) },
    });
  });
  return getCall(ctx, id);
}
