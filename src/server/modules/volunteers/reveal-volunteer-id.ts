import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { piiFor } from '../../platform/pii.js';
import { loadVolunteerInScope } from './get-volunteer.js';
import { volunteers } from './schema.js';

/** Staff in scope see a volunteer's full ID number only through this deliberate act, which is audited (`pii.reveal`). */
export async function revealVolunteerIdNumber(ctx: Ctx, id: string) {
  const row = await loadVolunteerInScope(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const [v] = await tx
      .select({ sealed: volunteers.idNumberSealed })
      .from(volunteers)
      .where(and(eq(volunteers.tenantId, ctx.tenantId), eq(volunteers.id, row.id)));
    if (!v) throw new Error('volunteer vanished');
    await writeAudit(tx, auditContext(ctx), {
      action: 'pii.reveal',
      entityType: 'volunteer',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { field: 'idNumber', number: row.number },
    });
    return { idNumber: piiFor(ctx.config).decrypt(v.sealed, ctx.tenantId) };
  });
}
