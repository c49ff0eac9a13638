import { eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { CIRCLE_MINUTES, DEFAULT_REACH } from './reach.js';
import { coverageSettings } from './schema.js';

export const DEFAULT_RESOLUTION = 10;

export interface CoverageSettings {
  speedMPerMin: number;
  minutes: number;
  detourFactor: number;
  resolution: number;
}

export const DEFAULT_SETTINGS: CoverageSettings = {
  ...DEFAULT_REACH,
  minutes: CIRCLE_MINUTES,
  resolution: DEFAULT_RESOLUTION,
};

/** `real` columns hold single precision: 1.3 reads back as 1.2999999523; two decimals is what was typed. */
const round2 = (x: number) => Math.round(x * 100) / 100;

export async function readCoverageSettings(db: Db, tenantId: string): Promise<CoverageSettings> {
  const [row] = await db.select().from(coverageSettings).where(eq(coverageSettings.tenantId, tenantId));
  if (!row) return DEFAULT_SETTINGS;
  return {
    speedMPerMin: round2(row.speedMPerMin),
    minutes: row.minutes,
    detourFactor: round2(row.detourFactor),
    resolution: row.resolution,
  };
}

/** The tenant's reach settings (the defaults until a centre admin changes them). */
export async function getCoverageSettings(ctx: Ctx): Promise<CoverageSettings> {
  return readCoverageSettings(ctx.db, requireActor(ctx).tenantId);
}

/** Sets the reach settings (centre admins), audited with the values before and after. */
export async function updateCoverageSettings(ctx: Ctx, input: CoverageSettings): Promise<CoverageSettings> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await readCoverageSettings(tx, actor.tenantId);
    await tx
      .insert(coverageSettings)
      .values({ tenantId: actor.tenantId, ...input })
      .onConflictDoUpdate({ target: coverageSettings.tenantId, set: { ...input, updatedAt: new Date() } });
    await writeAudit(tx, auditContext(ctx), {
      action: 'coverage_settings.update',
      entityType: 'coverage_settings',
      detail: { before, after: input },
    });
    return readCoverageSettings(tx, actor.tenantId);
  });
}
