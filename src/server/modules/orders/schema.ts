import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { menuItems, serviceCategories } from '../service-menu/index.js';
import { sites } from '../sites/index.js';

export const orderStates = [
  'submitted',
  'reviewed',
  'rejected',
  'dispatched',
  'accepted',
  'in_service',
  'completed',
  'rated',
  'closed',
  'cancelled',
] as const;
export type OrderState = (typeof orderStates)[number];

/** How an order reached the platform: the resident's own app, or a keeper on the phone, at the door, at a kiosk. */
export const orderChannels = ['app', 'phone', 'door', 'kiosk'] as const;
export type OrderChannel = (typeof orderChannels)[number];
export const urgencies = ['normal', 'urgent'] as const;
/** Whom a dispatched order waits for: a volunteer, a team, the level below (a site's staff), or anyone eligible (抢单). */
export const targetKinds = ['volunteer', 'team', 'level', 'open'] as const;
export type TargetKind = (typeof targetKinds)[number];

/**
 * A resident's order (点单). `region_code` is the community it is for (staff scopes);
 * `handler_region_code` is the level whose staff review and dispatch it now: the community's
 * station first, one level up after each escalation, one level down after 层层派单.
 */
export const orders = pgTable(
  'orders',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    /** Short human number, e.g. D2026120100042. */
    number: text('number').notNull(),
    state: text('state', { enum: orderStates }).notNull().default('submitted'),
    version: integer('version').notNull().default(0),
    menuItemId: uuid('menu_item_id'),
    categoryCode: text('category_code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    requiredSkills: text('required_skills').array().notNull().default([]),
    regionCode: text('region_code').notNull(),
    handlerRegionCode: text('handler_region_code').notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    urgency: text('urgency', { enum: urgencies }).notNull().default('normal'),
    photoFileIds: uuid('photo_file_ids').array().notNull().default([]),
    /** The resident the service is for; null for a caller without an account (a keeper took it by phone). */
    residentUserId: uuid('resident_user_id'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone'),
    channel: text('channel', { enum: orderChannels }).notNull(),
    placedBy: uuid('placed_by'),
    /** The station whose kiosk (自助终端) took the order, for channel `kiosk` without a keeper. */
    kioskSiteId: uuid('kiosk_site_id'),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    reviewDueAt: timestamp('review_due_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    targetKind: text('target_kind', { enum: targetKinds }),
    targetUserId: uuid('target_user_id'),
    targetOrganisationId: uuid('target_organisation_id'),
    targetRegionCode: text('target_region_code'),
    dispatchedBy: uuid('dispatched_by'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    acceptDueAt: timestamp('accept_due_at', { withTimezone: true }),
    /** The volunteer who accepted and serves it. */
    volunteerUserId: uuid('volunteer_user_id'),
    organisationId: uuid('organisation_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    checkInLng: doublePrecision('check_in_lng'),
    checkInLat: doublePrecision('check_in_lat'),
    checkInDistanceM: integer('check_in_distance_m'),
    /** The phone's reported accuracy of the position, in metres (geolocation `coords.accuracy`). */
    checkInAccuracyM: integer('check_in_accuracy_m'),
    /** The volunteer's typed evidence when the phone gave no position (无定位签到). */
    checkInNote: text('check_in_note'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    summary: text('summary'),
    completionPhotoFileIds: uuid('completion_photo_file_ids').array().notNull().default([]),
    stars: smallint('stars'),
    comment: text('comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    escalations: smallint('escalations').notNull().default(0),
    /** Synthetic history (demo seed), kept apart in reports that must not count it. */
    synthetic: boolean('synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.handlerRegionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.menuItemId], foreignColumns: [menuItems.tenantId, menuItems.id] }),
    foreignKey({
      columns: [t.tenantId, t.categoryCode],
      foreignColumns: [serviceCategories.tenantId, serviceCategories.code],
    }),
    foreignKey({ columns: [t.tenantId, t.residentUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.targetUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({
      columns: [t.tenantId, t.targetOrganisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    foreignKey({ columns: [t.tenantId, t.kioskSiteId], foreignColumns: [sites.tenantId, sites.id] }),
    index('orders_number_idx').on(t.tenantId, t.number),
    index('orders_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.placedAt),
    index('orders_resident_idx').on(t.tenantId, t.residentUserId, t.placedAt),
    index('orders_placed_by_idx').on(t.tenantId, t.placedBy, t.placedAt),
    index('orders_kiosk_idx').on(t.tenantId, t.kioskSiteId, t.placedAt).where(sql`kiosk_site_id is not null`),
    index('orders_volunteer_idx').on(t.tenantId, t.volunteerUserId, t.placedAt),
    index('orders_target_user_idx').on(t.tenantId, t.targetUserId).where(sql`state = 'dispatched'`),
    index('orders_open_idx').on(t.tenantId, t.state, t.targetKind),
    index('orders_review_due_idx').on(t.tenantId, t.reviewDueAt).where(sql`state = 'submitted'`),
    index('orders_accept_due_idx').on(t.tenantId, t.acceptDueAt).where(sql`state = 'dispatched'`),
  ],
);

/** The order's timeline (every transition, escalation and note), which the resident sees. */
export const orderEvents = pgTable(
  'order_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state', { enum: orderStates }),
    toState: text('to_state', { enum: orderStates }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete('cascade'),
    index('order_events_order_idx').on(t.tenantId, t.orderId, t.at),
  ],
);

/** Time limits per tenant: how long an order may wait for review, and for acceptance, before it escalates. */
export const orderSettings = pgTable('order_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  reviewLimitMinutes: integer('review_limit_minutes').notNull().default(120),
  acceptLimitMinutes: integer('accept_limit_minutes').notNull().default(60),
  urgentFactorPercent: integer('urgent_factor_percent').notNull().default(50),
  /** Completed orders nobody rated close after this many days (rated ones close at once). */
  autoCloseDays: integer('auto_close_days').notNull().default(7),
  /** Weights of the dispatch cost terms (walking-km equivalents), see dispatch/types.ts. */
  weightDistance: doublePrecision('weight_distance').notNull().default(1),
  weightSkill: doublePrecision('weight_skill').notNull().default(2),
  weightRating: doublePrecision('weight_rating').notNull().default(1),
  weightFairness: doublePrecision('weight_fairness').notNull().default(1.5),
  /** Open tasks a volunteer may hold at once (a hard constraint of dispatch). */
  volunteerCapacity: integer('volunteer_capacity').notNull().default(3),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A resident's block of a volunteer who served them (屏蔽): the volunteer is never suggested or sent
 * to that resident's orders again. One row per pair; deleting it is the undo.
 */
export const volunteerBlocks = pgTable(
  'order_volunteer_blocks',
  {
    tenantId: text('tenant_id').notNull(),
    residentUserId: uuid('resident_user_id').notNull(),
    volunteerUserId: uuid('volunteer_user_id').notNull(),
    /** The order after which the resident blocked them. */
    orderId: uuid('order_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.residentUserId, t.volunteerUserId] }),
    foreignKey({ columns: [t.tenantId, t.residentUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
    index('order_volunteer_blocks_volunteer_idx').on(t.tenantId, t.volunteerUserId),
  ],
);
