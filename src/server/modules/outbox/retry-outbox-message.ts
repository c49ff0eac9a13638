import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requeueMessage } from '../../platform/outbox/outbox.js';

/** Sends a dead message again (after the provider's problem is fixed); audited. */
export async function retryOutboxMessage(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    if (!(await requeueMessage(tx, actor.tenantId, id))) {
      throw new AppError('CONFLICT', [
        {
          field: 'params.id',
          message: '只有发送失败且内容仍保留的消息可以重发',
          messageEn: 'Only a dead message whose text is still kept can be sent again',
        },
      ]);
    }
    await writeAudit(tx, auditContext(ctx), { action: 'outbox.retry', entityType: 'outbox_message', entityId: id });
  });
  return { ok: true as const };
}
