import { eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { pointsSettings } from './schema.js';

export interface PointsSettings {
  /** Points per confirmed service hour, pro rata by minutes (see `pointsForMinutes`). */
  pointsPerHour: number;
  /** Points once per completed activity attendance (its service hours confirmed). */
  activityCompletionPoints: number;
  /** Bonus once per order the resident rated 5 stars, to the volunteer who served it. */
  fiveStarBonusPoints: number;
  /** Points credited more than this many months ago and not spent expire; null: never. */
  expiryMonths: number | null;
}

export const defaultPointsSettings: PointsSettings = {
  pointsPerHour: 10,
  activityCompletionPoints: 5,
  fiveStarBonusPoints: 5,
  expiryMonths: null,
};

export async function pointsSettingsFor(db: Db, tenantId: string): Promise<PointsSettings> {
  const [row] = await db.select().from(pointsSettings).where(eq(pointsSettings.tenantId, tenantId));
  if (!row) return defaultPointsSettings;
  return {
    pointsPerHour: row.pointsPerHour,
    activityCompletionPoints: row.activityCompletionPoints,
    fiveStarBonusPoints: row.fiveStarBonusPoints,
    expiryMonths: row.expiryMonths,
  };
}

export async function getPointsSettings(ctx: Ctx) {
  return pointsSettingsFor(ctx.db, requireActor(ctx).tenantId);
}

/** Sets the tenant's rules (centre admins, audited). They apply to what is earned from now on; nothing earned is recomputed. */
export async function updatePointsSettings(ctx: Ctx, input: PointsSettings) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const values = { ...input, updatedBy: actor.userId, updatedAt: new Date() };
    await tx
      .insert(pointsSettings)
      .values({ tenantId: actor.tenantId, ...values })
      .onConflictDoUpdate({ target: pointsSettings.tenantId, set: values });
    await writeAudit(tx, auditContext(ctx), {
      action: 'points_settings.update',
      entityType: 'points_settings',
      detail: { ...input },
    });
  });
  return pointsSettingsFor(ctx.db, actor.tenantId);
}
