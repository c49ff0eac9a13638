import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery } from '../../platform/contract.js';
import type { redemptionStatuses } from '../store/index.js';
import { adjustmentStates } from './schema.js';

const iso = z.string().datetime({ offset: true });
const points = z.number().int();
/** The store's statuses, spelled here because a zod schema may not read another module at load time. */
const redemptionStatus = ['reserved', 'fulfilled', 'cancelled', 'expired'] as const satisfies Readonly<
  (typeof redemptionStatuses)[number][]
>;

export const settingsView = named(
  'PointsSettings',
  z.object({
    pointsPerHour: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .describe('Points per confirmed service hour, pro rata by minutes, rounded to the nearest point (halves up)'),
    activityCompletionPoints: z.number().int().min(0).max(1000).describe('Once per completed activity attendance'),
    fiveStarBonusPoints: z.number().int().min(0).max(1000).describe('Once per order rated 5 stars'),
    expiryMonths: z
      .number()
      .int()
      .min(1)
      .max(120)
      .nullable()
      .describe('Unspent points credited more than this many months ago expire at the month turn; null: never'),
  }),
);
export const settingsBody = settingsView;

export const statementLine = named(
  'PointsStatementLine',
  z.object({
    entryId: z.number().int(),
    transactionId: z.string().uuid(),
    kind: z.string().describe('points.earn.hours, points.earn.activity, points.earn.rating, points.adjust.award, …'),
    reason: z.string().nullable(),
    source: z.object({ type: z.string(), id: z.string() }).nullable(),
    amount: points,
    balanceAfter: points,
    createdAt: iso,
    reversesId: z.string().uuid().nullable(),
    reversedById: z.string().uuid().nullable(),
    redemptionStatus: z
      .enum(redemptionStatus)
      .nullable()
      .describe("For a line of a store redemption: that redemption's status now; null otherwise"),
  }),
);

export const myPointsView = named(
  'MyPoints',
  z.object({
    balance: points,
    owed: points.describe('Points still to be taken back from later earnings (after a reversal you had spent)'),
    items: z.array(statementLine),
    nextCursor: z.string().nullable(),
  }),
);
export const statementQuery = pageQuery;

export const summaryView = named(
  'PointsSummary',
  z.object({
    issued: points.describe(
      'Net points credited to volunteers in scope (earnings and awards, less reversals and deductions)',
    ),
    redeemed: points.describe('Points paid to the stores of sites in scope'),
    spent: points.describe(
      'Points volunteers in scope handed to the stores (held or redeemed, less what was released)',
    ),
    expired: points.describe('Points of volunteers in scope that expired'),
    balance: points.describe('What volunteers in scope hold now'),
    owed: points.describe('What volunteers in scope still owe from reversals'),
    volunteersWithPoints: z.number().int(),
  }),
);

export const adjustmentView = named(
  'PointsAdjustment',
  z.object({
    id: z.string().uuid(),
    volunteer: z.object({ userId: z.string().uuid(), name: z.string(), number: z.string().nullable() }),
    regionCode: z.string(),
    amount: points.describe('Positive: an award; negative: a deduction'),
    reason: z.string(),
    state: z.enum(adjustmentStates),
    requestedBy: z.object({ userId: z.string().uuid(), name: z.string() }),
    requestedAt: iso,
    decidedBy: z.object({ userId: z.string().uuid(), name: z.string() }).nullable(),
    decidedAt: iso.nullable(),
    decisionNote: z.string().nullable(),
    transactionId: z.string().uuid().nullable(),
    can: z.object({ decide: z.boolean() }),
  }),
);

export const adjustmentBody = z.object({
  volunteerId: z.string().uuid().describe("The volunteer profile's id"),
  direction: z.enum(['award', 'deduct']),
  points: z.number().int().min(1).max(100000),
  reason: z.string().trim().min(2).max(textLimits.pointsAdjustmentReason),
});
export const adjustmentsQuery = pageQuery.extend({ state: z.enum(adjustmentStates).default('pending') });
export const adjustmentPage = z.object({ items: z.array(adjustmentView), nextCursor: z.string().nullable() });
export const decisionBody = z.object({ note: z.string().trim().max(500).optional() });
export const idParams = z.object({ id: z.string().uuid() });
