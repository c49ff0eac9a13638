import { and, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { loadActivityToManage, loadOrganiserFacts, viewerOf } from './access.js';
import type { updateActivityBody } from './contract.js';
import { notYourPlace } from './create-activity.js';
import { presentDetail } from './get-activity.js';
import { checkReferences, resolvePlace } from './place.js';
import { activities, activitySessions } from './schema.js';

type Input = z.infer<typeof updateActivityBody>;
/** What changes the occurrences people signed up for: only while the activity is a draft. */
const lockedWhenPublished = ['siteId', 'address', 'lng', 'lat', 'regionCode', 'startsAt', 'endsAt', 'rrule'] as const;

/**
 * Edits an activity. A draft changes freely; a published one keeps its times, place and rule (people
 * signed up for them) but may change its texts, requirements and quota (not below the seats taken).
 */
export async function updateActivity(ctx: Ctx, id: string, input: Input) {
  const { actor, facts, activity } = await loadActivityToManage(ctx, id);
  if (activity.state !== 'draft' && activity.state !== 'published') throw new AppError('ACTIVITY_NOT_OPEN');
  const published = activity.state === 'published';
  if (published && lockedWhenPublished.some((k) => input[k] !== undefined))
    throw new AppError('ACTIVITY_LOCKED_WHILE_PUBLISHED');
  await checkReferences(ctx.db, actor.tenantId, { ...input, rrule: input.rrule ?? null });
  const movesPlace = ['siteId', 'address', 'lng', 'lat', 'regionCode'].some((k) => k in input);
  const place = movesPlace
    ? await resolvePlace(ctx.db, actor.tenantId, {
        siteId: input.siteId,
        address: input.address ?? (input.siteId ? undefined : activity.address),
        lng: input.lng ?? activity.lng,
        lat: input.lat ?? activity.lat,
        regionCode: input.regionCode ?? activity.regionCode,
      })
    : null;
  if (place && !viewerOf(facts, { regionCode: place.regionCode, organisationId: activity.organisationId }).organiser)
    throw notYourPlace();
  const startsAt = input.startsAt ? new Date(input.startsAt) : activity.startsAt;
  const endsAt = input.endsAt ? new Date(input.endsAt) : activity.endsAt;
  if (endsAt <= startsAt) throw fieldError('body.endsAt', '结束时间需晚于开始时间', 'It must end after it starts');

  const { siteId: _s, address: _a, lng: _lng, lat: _lat, regionCode: _r, ...fields } = input;
  const updated = await ctx.db.transaction(async (tx) => {
    if (published && input.quota !== undefined) {
      // Future occurrences take the new quota; one with more seats taken refuses it.
      const [tooFull] = await tx
        .select({ id: activitySessions.id })
        .from(activitySessions)
        .where(
          and(
            eq(activitySessions.tenantId, actor.tenantId),
            eq(activitySessions.activityId, activity.id),
            gt(activitySessions.startsAt, new Date()),
            gt(activitySessions.taken, input.quota),
          ),
        )
        .limit(1);
      if (tooFull) throw new AppError('ACTIVITY_QUOTA_BELOW_TAKEN');
      await tx
        .update(activitySessions)
        .set({ quota: input.quota })
        .where(
          and(
            eq(activitySessions.tenantId, actor.tenantId),
            eq(activitySessions.activityId, activity.id),
            gt(activitySessions.startsAt, new Date()),
          ),
        );
    }
    const [row] = await tx
      .update(activities)
      .set({
        ...fields,
        ...(place ?? {}),
        startsAt,
        endsAt,
        rrule: input.rrule === undefined ? activity.rrule : input.rrule?.replace(/^RRULE:/i, '') || null,
        version: sql`${activities.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(activities.tenantId, actor.tenantId),
          eq(activities.id, activity.id),
          eq(activities.state, activity.state),
        ),
      )
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await writeAudit(tx, auditContext(ctx), {
      action: 'activity.update',
      entityType: 'activity',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { fields: Object.keys(input) },
    });
    return row;
  });
  return presentDetail(ctx, updated, await loadOrganiserFacts(ctx.db, actor));
}
