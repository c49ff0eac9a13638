import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { hoursSettings } from './schema.js';
import { defaultRounding, type RoundingRule } from './service-minutes.js';

export const DEFAULT_STAR_THRESHOLDS_HOURS = [100, 300, 600, 1000, 1500];

export interface HoursSettings {
  /** Cumulative confirmed hours for 1, 2, 3, 4, 5 stars. */
  starThresholdsHours: number[];
  rounding: RoundingRule;
}

/** The tenant's star thresholds and rounding rule; the defaults when it has not set its own. */
export async function hoursSettingsFor(db: Db, tenantId: string): Promise<HoursSettings> {
  const [row] = await db.select().from(hoursSettings).where(eq(hoursSettings.tenantId, tenantId));
  if (!row) return { starThresholdsHours: DEFAULT_STAR_THRESHOLDS_HOURS, rounding: defaultRounding };
  return {
    starThresholdsHours: row.starThresholdsHours,
    rounding: { unitMinutes: row.roundingUnitMinutes, mode: row.roundingMode, minimumMinutes: row.minimumMinutes },
  };
}
