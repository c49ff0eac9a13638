import { eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DEFAULT_WEIGHTS, type DispatchWeights } from '../dispatch/index.js';
import { orderSettings } from './schema.js';

export interface OrderSettings {
  reviewLimitMinutes: number;
  acceptLimitMinutes: number;
  urgentFactorPercent: number;
  autoCloseDays: number;
  weightDistance: number;
  weightSkill: number;
  weightRating: number;
  weightFairness: number;
  volunteerCapacity: number;
}

/** The defaults until a centre admin changes them (a function: the dispatch weights come from another module). */
export const defaultSettings = (): OrderSettings => ({
  reviewLimitMinutes: 120,
  acceptLimitMinutes: 60,
  urgentFactorPercent: 50,
  autoCloseDays: 7,
  weightDistance: DEFAULT_WEIGHTS.distance,
  weightSkill: DEFAULT_WEIGHTS.skill,
  weightRating: DEFAULT_WEIGHTS.rating,
  weightFairness: DEFAULT_WEIGHTS.fairness,
  volunteerCapacity: 3,
});

/** Settings a change may leave out (they stay as they are). */
type Optional =
  | 'autoCloseDays'
  | 'weightDistance'
  | 'weightSkill'
  | 'weightRating'
  | 'weightFairness'
  | 'volunteerCapacity';
export type OrderSettingsChange = Omit<OrderSettings, Optional> & Partial<Pick<OrderSettings, Optional>>;

/** What the dispatch engine takes from the tenant's settings: the cost weights and each volunteer's capacity. */
export function dispatchRules(settings: OrderSettings): { weights: DispatchWeights; capacity: number } {
  return {
    weights: {
      distance: settings.weightDistance,
      skill: settings.weightSkill,
      rating: settings.weightRating,
      fairness: settings.weightFairness,
    },
    capacity: settings.volunteerCapacity,
  };
}

export async function readSettings(db: Db, tenantId: string): Promise<OrderSettings> {
  const [row] = await db.select().from(orderSettings).where(eq(orderSettings.tenantId, tenantId));
  return row
    ? {
        reviewLimitMinutes: row.reviewLimitMinutes,
        acceptLimitMinutes: row.acceptLimitMinutes,
        urgentFactorPercent: row.urgentFactorPercent,
        autoCloseDays: row.autoCloseDays,
        weightDistance: row.weightDistance,
        weightSkill: row.weightSkill,
        weightRating: row.weightRating,
        weightFairness: row.weightFairness,
        volunteerCapacity: row.volunteerCapacity,
      }
    : defaultSettings();
}

/** When the review or the acceptance of an order started at `from` falls due. */
export function dueAt(settings: OrderSettings, kind: 'review' | 'accept', urgency: string, from: Date): Date {
  const minutes = kind === 'review' ? settings.reviewLimitMinutes : settings.acceptLimitMinutes;
  const factor = urgency === 'urgent' ? settings.urgentFactorPercent / 100 : 1;
  return new Date(from.getTime() + Math.round(minutes * factor) * 60_000);
}

export async function getOrderSettings(ctx: Ctx) {
  return readSettings(ctx.db, requireActor(ctx).tenantId);
}

/**
 * Sets the tenant's time limits, auto-close days and dispatch rules (centre admins); orders already
 * waiting keep the deadline they have.
 */
export async function updateOrderSettings(ctx: Ctx, change: OrderSettingsChange) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const input = { ...(await readSettings(tx, actor.tenantId)), ...change };
    await tx
      .insert(orderSettings)
      .values({ tenantId: actor.tenantId, ...input })
      .onConflictDoUpdate({ target: orderSettings.tenantId, set: { ...input, updatedAt: new Date() } });
    await writeAudit(tx, auditContext(ctx), {
      action: 'order_settings.update',
      entityType: 'order_settings',
      detail: { ...input },
    });
  });
  return readSettings(ctx.db, actor.tenantId);
}
