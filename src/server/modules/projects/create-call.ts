import type { z } from 'zod';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import type { createCallBody } from './contract.js';
import { getCall } from './list-calls.js';
import { projectCalls } from './schema.js';

/** Opens a call for projects (项目征集) of the caller's region. */
export async function createCall(ctx: Ctx, body: z.output<typeof createCallBody>) {
  const actor = requireActor(ctx);
  assertInScope(actor, body.regionCode);
  if (body.level === 'district' && body.regionCode.length !== 6)
    throw fieldError('body.regionCode', '区级征集须由区发布', 'A district-level call is issued by the district');
  if (body.level === 'subdistrict' && body.regionCode.length > 9)
    throw fieldError('body.regionCode', '请选择区或街道', 'Choose the district or a subdistrict');
  if (new Date(body.closesAt) <= new Date(body.opensAt))
    throw fieldError('body.closesAt', '截止时间须晚于开始时间', 'The window must close after it opens');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectCalls)
      .values({
        tenantId: actor.tenantId,
        title: body.title,
        description: body.description,
        level: body.level,
        regionCode: body.regionCode,
        year: body.year,
        opensAt: new Date(body.opensAt),
        closesAt: new Date(body.closesAt),
        eligibleKinds: body.eligibleKinds,
        requiredFields: body.requiredFields,
        requiredAttachments: body.requiredAttachments,
        createdBy: actor.userId,
      })
      .returning({ id: projectCalls.id });
    if (!row) throw new Error('insert failed');
    await writeAudit(tx, auditContext(ctx), {
      action: 'project_call.create',
      entityType: 'project_call',
      entityId: row.id,
      regionCode: body.regionCode,
      detail: { title: body.title, level: body.level },
    });
    return row.id;
  });
  return getCall(ctx, id);
}
