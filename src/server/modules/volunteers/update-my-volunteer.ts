import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { updateMyVolunteerBody } from './contract.js';
import { getMyVolunteer } from './get-my-volunteer.js';
import { checkProfileRefs } from './profile-refs.js';
import { volunteerAvailability, volunteerServiceAreas, volunteerSkills, volunteers } from './schema.js';

/**
 * The volunteer edits their own profile: skills, service areas, weekly availability, address and
 * introduction. A list that is sent replaces the stored one; a field left out stays as it is.
 * Name and ID number are real-name data and change only through staff.
 */
export async function updateMyVolunteer(ctx: Ctx, input: z.infer<typeof updateMyVolunteerBody>) {
  const actor = requireActor(ctx);
  const refs = await checkProfileRefs(ctx.db, ctx.tenantId, input);
  const tenantId = ctx.tenantId;
  await ctx.db.transaction(async (tx) => {
    const [v] = await tx
      .select({ id: volunteers.id, regionCode: volunteers.regionCode })
      .from(volunteers)
      .where(and(eq(volunteers.tenantId, tenantId), eq(volunteers.userId, actor.userId)))
      .for('update');
    if (!v)
      throw new AppError('NOT_FOUND', undefined, {
        message: '您还不是志愿者',
        messageEn: 'You are not a volunteer yet',
      });
    const volunteerId = v.id;
    if (input.skills) {
      await tx
        .delete(volunteerSkills)
        .where(and(eq(volunteerSkills.tenantId, tenantId), eq(volunteerSkills.volunteerId, volunteerId)));
      if (refs.skillCodes.length)
        await tx
          .insert(volunteerSkills)
          .values(refs.skillCodes.map((skillCode) => ({ tenantId, volunteerId, skillCode })));
    }
    if (input.serviceAreas) {
      await tx
        .delete(volunteerServiceAreas)
        .where(and(eq(volunteerServiceAreas.tenantId, tenantId), eq(volunteerServiceAreas.volunteerId, volunteerId)));
      if (refs.areaCodes.length)
        await tx
          .insert(volunteerServiceAreas)
          .values(refs.areaCodes.map((regionCode) => ({ tenantId, volunteerId, regionCode })));
    }
    if (input.availability) {
      await tx
        .delete(volunteerAvailability)
        .where(and(eq(volunteerAvailability.tenantId, tenantId), eq(volunteerAvailability.volunteerId, volunteerId)));
      if (refs.availability.length)
        await tx.insert(volunteerAvailability).values(refs.availability.map((a) => ({ tenantId, volunteerId, ...a })));
    }
    await tx
      .update(volunteers)
      .set({
        updatedAt: new Date(),
        ...(input.address !== undefined ? { address: input.address || null } : {}),
        ...(input.intro !== undefined ? { intro: input.intro || null } : {}),
      })
      .where(and(eq(volunteers.tenantId, tenantId), eq(volunteers.id, volunteerId)));
    await writeAudit(tx, auditContext(ctx), {
      action: 'volunteer.update',
      entityType: 'volunteer',
      entityId: volunteerId,
      regionCode: v.regionCode,
      detail: { fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined) },
    });
  });
  return getMyVolunteer(ctx);
}
