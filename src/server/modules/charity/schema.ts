import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { regions } from '../regions/index.js';
import { sites } from '../sites/index.js';

export const eventStates = ['planned', 'open', 'closed', 'reported'] as const;
export type EventState = (typeof eventStates)[number];

/** Who holds a stall: a volunteer family (志愿之家), a team, or a caring merchant (爱心商户). */
export const holderKinds = ['family', 'team', 'merchant'] as const;
/** The usual stall categories; `other` takes a label of the organiser's own. */
export const stallCategories = [
  'food',
  'books',
  'toys',
  'goods',
  'cosmetics',
  'crafts',
  'calligraphy',
  'haircut',
  'other',
] as const;
export type StallCategory = (typeof stallCategories)[number];

export const saleMethods = ['cash', 'wechat', 'alipay'] as const;
export type SaleMethod = (typeof saleMethods)[number];

export const disbursementPurposes = ['living', 'medical', 'education', 'holiday', 'other'] as const;
export const disbursementStates = ['pending', 'approved_once', 'approved', 'paid', 'rejected'] as const;
export type DisbursementState = (typeof disbursementStates)[number];

/**
 * A fund (善款, e.g. 鲸园蓝爱心基金). Its money lives in the ledger (accounts `charity:fund:<id>`,
 * `charity:sales:<id>`, `charity:donations:<id>`, `charity:paid:<id>`); this row names it and places it.
 */
export const charityFunds = pgTable(
  'charity_funds',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    description: text('description').notNull().default(''),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('charity_funds_name_unique').on(t.tenantId, t.name),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
  ],
);

/** A charity sale (爱心义卖): planned → open → closed (reconciled) → reported (published). */
export const charityEvents = pgTable(
  'charity_events',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    siteId: uuid('site_id'),
    address: text('address').notNull().default(''),
    organiserUserId: uuid('organiser_user_id').notNull(),
    fundId: uuid('fund_id').notNull(),
    state: text('state', { enum: eventStates }).notNull().default('planned'),
    /** Cash counted at the close, against the cash the ledger recorded then. */
    countedCashFen: bigint('counted_cash_fen', { mode: 'number' }),
    recordedCashFen: bigint('recorded_cash_fen', { mode: 'number' }),
    reconcileNote: text('reconcile_note'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    foreignKey({ columns: [t.tenantId, t.organiserUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.fundId], foreignColumns: [charityFunds.tenantId, charityFunds.id] }),
    index('charity_events_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.heldOn),
  ],
);

export const charityStalls = pgTable(
  'charity_stalls',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    name: text('name').notNull(),
    holderKind: text('holder_kind', { enum: holderKinds }).notNull(),
    holderName: text('holder_name').notNull(),
    category: text('category', { enum: stallCategories }).notNull(),
    /** The organiser's own category when `category` is `other` (e.g. 绿植). */
    categoryLabel: text('category_label'),
    keeperUserId: uuid('keeper_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [charityEvents.tenantId, charityEvents.id] }),
    foreignKey({ columns: [t.tenantId, t.keeperUserId], foreignColumns: [users.tenantId, users.id] }),
    index('charity_stalls_event_idx').on(t.tenantId, t.eventId),
    index('charity_stalls_keeper_idx').on(t.tenantId, t.keeperUserId),
  ],
);

/**
 * One sale at a stall, written once. Its money is the ledger transaction whose source is this sale; `client_key` (the keeper and
 * the phone's Idempotency-Key) makes a retried or offline-queued sale one row.
 */
export const charitySales = pgTable(
  'charity_sales',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    stallId: uuid('stall_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    method: text('method', { enum: saleMethods }).notNull(),
    paymentRef: text('payment_ref'),
    item: text('item'),
    clientKey: text('client_key').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('charity_sales_client_key_unique').on(t.tenantId, t.clientKey),
    foreignKey({ columns: [t.tenantId, t.stallId], foreignColumns: [charityStalls.tenantId, charityStalls.id] }),
    foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [charityEvents.tenantId, charityEvents.id] }),
    foreignKey({ columns: [t.tenantId, t.recordedBy], foreignColumns: [users.tenantId, users.id] }),
    index('charity_sales_stall_idx').on(t.tenantId, t.stallId, t.recordedAt),
    index('charity_sales_event_idx').on(t.tenantId, t.eventId, t.recordedAt),
    check('charity_sales_amount_check', sql`${t.amountFen} > 0`),
  ],
);

/**
 * A person or household helped (帮扶对象), registered with their consent. The name and phone are
 * sealed with the PII key; `masked_name` is what the public sees, with the community.
 */
export const charityBeneficiaries = pgTable(
  'charity_beneficiaries',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    regionCode: text('region_code').notNull(),
    nameSealed: text('name_sealed').notNull(),
    maskedName: text('masked_name').notNull(),
    phoneSealed: text('phone_sealed'),
    situation: text('situation').notNull().default(''),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    registeredBy: uuid('registered_by'),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('charity_beneficiaries_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops')),
  ],
);

/** Money out of a fund to a beneficiary: two different approvers, then payment with a reference. */
export const charityDisbursements = pgTable(
  'charity_disbursements',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fundId: uuid('fund_id').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    /** The sale whose proceeds it spends, when it is named (the event's report counts it). */
    eventId: uuid('event_id'),
    regionCode: text('region_code').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    purpose: text('purpose', { enum: disbursementPurposes }).notNull(),
    note: text('note').notNull().default(''),
    state: text('state', { enum: disbursementStates }).notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    firstApproverId: uuid('first_approver_id'),
    firstApprovedAt: timestamp('first_approved_at', { withTimezone: true }),
    secondApproverId: uuid('second_approver_id'),
    secondApprovedAt: timestamp('second_approved_at', { withTimezone: true }),
    rejectedBy: uuid('rejected_by'),
    rejectReason: text('reject_reason'),
    paymentRef: text('payment_ref'),
    paidBy: uuid('paid_by'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    transactionId: uuid('transaction_id'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fundId], foreignColumns: [charityFunds.tenantId, charityFunds.id] }),
    foreignKey({
      columns: [t.tenantId, t.beneficiaryId],
      foreignColumns: [charityBeneficiaries.tenantId, charityBeneficiaries.id],
    }),
    foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [charityEvents.tenantId, charityEvents.id] }),
    index('charity_disbursements_fund_idx').on(t.tenantId, t.fundId, t.requestedAt),
    check('charity_disbursements_amount_check', sql`${t.amountFen} > 0`),
    check(
      'charity_disbursements_two_approvers_check',
      sql`${t.secondApproverId} is null or ${t.secondApproverId} <> ${t.firstApproverId}`,
    ),
    check(
      'charity_disbursements_paid_check',
      sql`${t.state} <> 'paid' or (${t.secondApproverId} is not null and ${t.paymentRef} is not null)`,
    ),
  ],
);
