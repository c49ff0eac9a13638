import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';

/**
 * Per-tenant earning rules. Absent row = the defaults (points.ts `defaultPointsSettings`).
 * `expiry_months` null: points never expire.
 */
export const pointsSettings = pgTable(
  'points_settings',
  {
    tenantId: text('tenant_id')
      .primaryKey()
      .references(() => tenants.id),
    pointsPerHour: integer('points_per_hour').notNull().default(10),
    activityCompletionPoints: integer('activity_completion_points').notNull().default(5),
    fiveStarBonusPoints: integer('five_star_bonus_points').notNull().default(5),
    expiryMonths: integer('expiry_months'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'points_settings_range_check',
      sql`${t.pointsPerHour} between 0 and 1000 and ${t.activityCompletionPoints} between 0 and 1000 and ${t.fiveStarBonusPoints} between 0 and 1000 and (${t.expiryMonths} is null or ${t.expiryMonths} between 1 and 120)`,
    ),
  ],
);

export const earningSourceTypes = ['hours_event', 'activity_attendance', 'order_rating'] as const;
export type EarningSourceType = (typeof earningSourceTypes)[number];

/**
 * One row per source the earning job has handled (an hours event, a completed activity attendance,
 * a 5-star rating), written in the same transaction as its postings: the primary key makes each
 * source count exactly once, however often the job meets it. `points` is what the volunteer was
 * credited (negative for a reversal: what was taken back, including any part still owed);
 * `transaction_id` is null when nothing was posted (0 points under the rules then in force).
 */
export const pointsEarnings = pgTable(
  'points_earnings',
  {
    tenantId: text('tenant_id').notNull(),
    sourceType: text('source_type', { enum: earningSourceTypes }).notNull(),
    sourceId: text('source_id').notNull(),
    userId: uuid('user_id').notNull(),
    points: integer('points').notNull(),
    /** For hours events: the service record, so that a reversal finds what its confirmation earned. */
    serviceRecordId: uuid('service_record_id'),
    transactionId: uuid('transaction_id'),
    handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sourceType, t.sourceId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    index('points_earnings_record_idx').on(t.tenantId, t.serviceRecordId),
  ],
);

export const adjustmentStates = ['pending', 'approved', 'rejected'] as const;
export type AdjustmentState = (typeof adjustmentStates)[number];

/**
 * A manual award (positive `amount`) or deduction (negative), with a reason, requested by one
 * staff member and decided by another who holds the volunteer's community in scope. Only the
 * approval posts to the ledger (`transaction_id`, keyed `points.adjust:<id>`).
 */
export const pointsAdjustments = pgTable(
  'points_adjustments',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    /** The volunteer's home community when requested: decides who sees and decides it. */
    regionCode: text('region_code').notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    state: text('state', { enum: adjustmentStates }).notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    transactionId: uuid('transaction_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    index('points_adjustments_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.state),
    check('points_adjustments_amount_check', sql`${t.amount} <> 0 and abs(${t.amount}) <= 100000`),
  ],
);

/** Periodic runs that must happen once per tenant and period (expiry: `points.expire`, `2026-12`). */
export const pointsRuns = pgTable(
  'points_runs',
  {
    tenantId: text('tenant_id').notNull(),
    job: text('job').notNull(),
    period: text('period').notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.job, t.period] })],
);
