import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { getVolunteer, loadVolunteerInScope } from './get-volunteer.js';
import { type VolunteerStatus, volunteers } from './schema.js';

/**
 * Staff in scope review (pending → active), suspend (with a reason) or reinstate a volunteer.
 * Any status may follow any other; setting the current status again only updates the reason.
 */
export async function changeVolunteerStatus(ctx: Ctx, id: string, input: { status: VolunteerStatus; reason?: string }) {
  const row = await loadVolunteerInScope(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(volunteers)
      .set({ status: input.status, statusReason: input.reason || null, updatedAt: new Date() })
      .where(and(eq(volunteers.tenantId, ctx.tenantId), eq(volunteers.id, row.id)));
    await writeAudit(tx, auditContext(ctx), {
      action: 'volunteer.status',
      entityType: 'volunteer',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { from: row.status, to: input.status, reason: input.reason ?? null },
    });
  });
  return getVolunteer(ctx, id);
}
