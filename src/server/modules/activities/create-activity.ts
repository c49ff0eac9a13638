import type { z } from 'zod';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadOrganiserFacts, viewerOf } from './access.js';
import type { createActivityBody } from './contract.js';
import { checkReferences, resolvePlace } from './place.js';
import { loadNames, presentActivity } from './present.js';
import { activities } from './schema.js';

export const notYourPlace = () =>
  new AppError('FORBIDDEN', undefined, {
    message: '只能为您管辖范围内的地点，或您负责的组织创建活动',
    messageEn: 'You may create activities only in your area or for an organisation you manage',
  });

/** A new activity, as a draft: staff for places in their scope, leaders for their organisation. */
export async function createActivity(ctx: Ctx, input: z.infer<typeof createActivityBody>) {
  const actor = requireActor(ctx);
  await checkReferences(ctx.db, actor.tenantId, input);
  const place = await resolvePlace(ctx.db, actor.tenantId, input);
  const facts = await loadOrganiserFacts(ctx.db, actor);
  if (!viewerOf(facts, { regionCode: place.regionCode, organisationId: input.organisationId }).organiser)
    throw notYourPlace();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(activities)
      .values({
        tenantId: actor.tenantId,
        title: input.title,
        description: input.description,
        categoryCode: input.categoryCode,
        organisationId: input.organisationId,
        projectId: input.projectId ?? null,
        series: input.series ?? null,
        ...place,
        radiusM: input.radiusM ?? 300,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        rrule: input.rrule?.replace(/^RRULE:/i, '') || null,
        quota: input.quota,
        minAge: input.minAge ?? null,
        requiredSkills: input.requiredSkills,
        signupOpensHours: input.signupOpensHours,
        signupClosesMinutes: input.signupClosesMinutes,
        cancelDeadlineMinutes: input.cancelDeadlineMinutes,
        approvalMode: input.approvalMode,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await writeAudit(tx, auditContext(ctx), {
      action: 'activity.create',
      entityType: 'activity',
      entityId: created.id,
      regionCode: created.regionCode,
      detail: { title: created.title },
    });
    return created;
  });
  return presentActivity(row, await loadNames(ctx.db, actor.tenantId, [row]), facts);
}
