import { and, count, eq, sum } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { volunteers } from '../volunteers/index.js';
import { confirmedMinutes } from './ledger-accounts.js';
import { serviceRecords } from './schema.js';
import { hoursSettingsFor } from './settings.js';
import { starLevel } from './star-level.js';

/** A volunteer's confirmed total (from the ledger), star level and progress, and what waits for confirmation. */
export async function hoursSummary(db: Db, tenantId: string, userId: string) {
  const [{ starThresholdsHours }, total, [pending], [confirmed]] = await Promise.all([
    hoursSettingsFor(db, tenantId),
    confirmedMinutes(db, tenantId, userId),
    db
      .select({ minutes: sum(serviceRecords.minutes).mapWith(Number) })
      .from(serviceRecords)
      .where(
        and(
          eq(serviceRecords.tenantId, tenantId),
          eq(serviceRecords.volunteerUserId, userId),
          eq(serviceRecords.status, 'pending'),
        ),
      ),
    db
      .select({ n: count() })
      .from(serviceRecords)
      .where(
        and(
          eq(serviceRecords.tenantId, tenantId),
          eq(serviceRecords.volunteerUserId, userId),
          eq(serviceRecords.status, 'confirmed'),
        ),
      ),
  ]);
  return {
    star: { ...starLevel(total, starThresholdsHours), thresholdsHours: starThresholdsHours },
    pendingMinutes: pending?.minutes ?? 0,
    confirmedRecords: confirmed?.n ?? 0,
  };
}

export async function getMyHours(ctx: Ctx) {
  const actor = requireActor(ctx);
  return hoursSummary(ctx.db, actor.tenantId, actor.userId);
}

/** Staff: a volunteer's hours (by the volunteer profile's id), if the volunteer's home community is in scope. */
export async function getVolunteerHours(ctx: Ctx, volunteerId: string) {
  const actor = requireActor(ctx);
  const [volunteer] = await ctx.db
    .select({ userId: volunteers.userId, regionCode: volunteers.regionCode })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, actor.tenantId), eq(volunteers.id, volunteerId)));
  if (!volunteer) throw new AppError('NOT_FOUND');
  assertInScope(actor, volunteer.regionCode);
  return hoursSummary(ctx.db, actor.tenantId, volunteer.userId);
}
