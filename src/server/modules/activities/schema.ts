import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { serviceCategories } from '../service-menu/index.js';
import { sites } from '../sites/index.js';

export const activityStates = ['draft', 'published', 'cancelled', 'finished'] as const;
export type ActivityState = (typeof activityStates)[number];
export const approvalModes = ['auto', 'approval'] as const;
export type ApprovalMode = (typeof approvalModes)[number];

/**
 * A volunteer activity (志愿活动) of a team or organisation, one-off or recurring (RRULE, e.g. every
 * Saturday for 蓝色周六). Its place is a site or an address with a map point; `region_code` is the
 * community (or higher node) it happens in and decides which staff manage it. Times are the first
 * occurrence; `rrule` repeats it. Sign-up, quota and attendance are per occurrence (activity_sessions).
 */
export const activities = pgTable(
  'activities',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    state: text('state', { enum: activityStates }).notNull().default('draft'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    categoryCode: text('category_code').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** A project of the project library (a later issue); kept as a plain reference until it exists. */
    projectId: uuid('project_id'),
    /** A themed series, e.g. 蓝色周六: free text shown with the activity and searchable. */
    series: text('series'),
    regionCode: text('region_code').notNull(),
    siteId: uuid('site_id'),
    address: text('address').notNull(),
    /** WGS-84 point of the place (the site's, or the one picked on the map). */
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    /** Check-in geofence radius around the point, in metres. */
    radiusM: integer('radius_m').notNull().default(300),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** RFC 5545 RRULE without DTSTART (e.g. FREQ=WEEKLY;BYDAY=SA), expanded in `time_zone`. */
    rrule: text('rrule'),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    /** Seats per occurrence. */
    quota: integer('quota').notNull(),
    minAge: smallint('min_age'),
    requiredSkills: text('required_skills').array().notNull().default([]),
    /** Sign-up opens this many hours before an occurrence starts, and closes this many minutes before. */
    signupOpensHours: integer('signup_opens_hours')
      .notNull()
      .default(24 * 14),
    signupClosesMinutes: integer('signup_closes_minutes').notNull().default(0),
    /** A volunteer may cancel their own sign-up until this many minutes before the start. */
    cancelDeadlineMinutes: integer('cancel_deadline_minutes').notNull().default(120),
    approvalMode: text('approval_mode', { enum: approvalModes }).notNull().default('auto'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    createdBy: uuid('created_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Occurrences exist up to here; a recurring rule without an end is extended by a daily job. */
    materialisedUntil: timestamp('materialised_until', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    /** Synthetic demo history (合成演示数据). */
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    foreignKey({
      columns: [t.tenantId, t.categoryCode],
      foreignColumns: [serviceCategories.tenantId, serviceCategories.code],
    }),
    index('activities_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.startsAt),
    index('activities_organisation_idx').on(t.tenantId, t.organisationId),
    index('activities_site_idx').on(t.tenantId, t.siteId),
    check('activities_window_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('activities_quota_ck', sql`${t.quota} > 0`),
  ],
);

/**
 * One occurrence of an activity (场次). `taken` counts the seats held (pending approval or
 * confirmed), `waitlisted` the waiting list; both change only by conditional UPDATE … RETURNING in
 * the transaction that changes a sign-up, so concurrent sign-ups never exceed `quota`.
 */
export const activitySessions = pgTable(
  'activity_sessions',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    activityId: uuid('activity_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    quota: integer('quota').notNull(),
    taken: integer('taken').notNull().default(0),
    waitlisted: integer('waitlisted').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Why the organiser called this occurrence (or the whole activity) off, shown with it. */
    cancelReason: text('cancel_reason'),
    /** Set when the forgotten check-outs of this occurrence have been closed. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [activities.tenantId, activities.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('activity_sessions_start_uq').on(t.tenantId, t.activityId, t.startsAt),
    index('activity_sessions_time_idx').on(t.tenantId, t.startsAt),
    index('activity_sessions_open_idx').on(t.tenantId, t.endsAt).where(sql`closed_at is null`),
    check('activity_sessions_seats_ck', sql`${t.taken} >= 0 and ${t.taken} <= ${t.quota} and ${t.waitlisted} >= 0`),
  ],
);

export const signupStates = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export type SignupState = (typeof signupStates)[number];
/** States that hold one of the occurrence's seats. */
export const seatStates: readonly SignupState[] = ['pending', 'confirmed'];

/** A volunteer's sign-up (报名) for one occurrence. At most one live sign-up per person and occurrence. */
export const activitySignups = pgTable(
  'activity_signups',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    userId: uuid('user_id').notNull(),
    state: text('state', { enum: signupStates }).notNull(),
    /** Order on the waiting list (and of arrival). */
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    reason: text('reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.sessionId],
      foreignColumns: [activitySessions.tenantId, activitySessions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('activity_signups_live_uq')
      .on(t.tenantId, t.sessionId, t.userId)
      .where(sql`state in ('pending', 'confirmed', 'waitlisted')`),
    index('activity_signups_session_idx').on(t.tenantId, t.sessionId, t.state, t.queuedAt),
    index('activity_signups_user_idx').on(t.tenantId, t.userId, t.createdAt),
  ],
);

/** qr: the screen's QR token; code: its short code typed; location: inside the geofence alone; manual: a leader's hand check-in; auto: a forgotten check-out closed at the end. */
export const attendanceMethods = ['qr', 'code', 'location', 'manual', 'auto'] as const;
export type AttendanceMethod = (typeof attendanceMethods)[number];

/**
 * Attendance (签到/签退) of one volunteer at one occurrence: exactly one row per person and
 * occurrence (the unique key makes a retried scan a no-op). `minutes` is the time served inside the
 * occurrence's window, set at check-out. `auto_closed` marks a forgotten check-out that the closing
 * job ended at the occurrence's end, for the organiser to review.
 */
export const activityAttendance = pgTable(
  'activity_attendance',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    userId: uuid('user_id').notNull(),
    signupId: uuid('signup_id'),
    checkInAt: timestamp('check_in_at', { withTimezone: true }).notNull(),
    checkInMethod: text('check_in_method', { enum: attendanceMethods }).notNull(),
    checkInLng: doublePrecision('check_in_lng'),
    checkInLat: doublePrecision('check_in_lat'),
    checkInAccuracyM: integer('check_in_accuracy_m'),
    checkInDistanceM: integer('check_in_distance_m'),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    checkOutMethod: text('check_out_method', { enum: attendanceMethods }),
    checkOutLng: doublePrecision('check_out_lng'),
    checkOutLat: doublePrecision('check_out_lat'),
    checkOutDistanceM: integer('check_out_distance_m'),
    minutes: integer('minutes'),
    autoClosed: boolean('auto_closed').notNull().default(false),
    /** A leader's hand check-in: who and why (also in the audit log). */
    manualBy: uuid('manual_by'),
    manualReason: text('manual_reason'),
    /** The service record in the hours module, once it is recorded there. */
    serviceRecordId: uuid('service_record_id'),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.sessionId],
      foreignColumns: [activitySessions.tenantId, activitySessions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('activity_attendance_person_uq').on(t.tenantId, t.sessionId, t.userId),
    index('activity_attendance_user_idx').on(t.tenantId, t.userId, t.checkInAt),
    index('activity_attendance_open_idx').on(t.tenantId, t.sessionId).where(sql`check_out_at is null`),
  ],
);

/**
 * Typed check-in/out codes guessed per volunteer and occurrence (输错签到码次数). A typed code takes
 * an attempt from every occurrence it may be aiming at before it is compared, by a conditional
 * upsert, so concurrent guesses never exceed the limit; a right code gives its attempt back.
 */
export const activityCodeAttempts = pgTable(
  'activity_code_attempts',
  {
    tenantId: text('tenant_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    userId: uuid('user_id').notNull(),
    failures: integer('failures').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sessionId, t.userId] }),
    foreignKey({
      columns: [t.tenantId, t.sessionId],
      foreignColumns: [activitySessions.tenantId, activitySessions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    check('activity_code_attempts_failures_ck', sql`${t.failures} >= 0 and ${t.failures} <= 5`),
  ],
);
