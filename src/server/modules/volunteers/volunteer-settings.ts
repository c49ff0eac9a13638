import type { AgeRules } from '../../../shared/age-rules.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { readAgeRules } from './minors.js';
import { volunteerSettings } from './schema.js';

/** The tenant's registration ages (the national defaults until a centre admin changes them). */
export async function getVolunteerSettings(ctx: Ctx): Promise<AgeRules> {
  return readAgeRules(ctx.db, requireActor(ctx).tenantId);
}

/**
 * Sets the registration ages (centre admins), audited with the values before and after. People
 * already registered keep their record; the new ages apply to the next registration or import.
 */
export async function updateVolunteerSettings(ctx: Ctx, input: AgeRules): Promise<AgeRules> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await readAgeRules(tx, actor.tenantId);
    const [row] = await tx
      .insert(volunteerSettings)
      .values({ tenantId: actor.tenantId, ...input })
      .onConflictDoUpdate({ target: volunteerSettings.tenantId, set: { ...input, updatedAt: new Date() } })
      .returning();
    await writeAudit(tx, auditContext(ctx), {
      action: 'volunteer_settings.update',
      entityType: 'volunteer_settings',
      detail: { before, after: input },
    });
    return { adultAge: row?.adultAge ?? input.adultAge, minAgeOnOwn: row?.minAgeOnOwn ?? input.minAgeOnOwn };
  });
}
