import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';

/** What a service record was recorded from; open-ended, these are the ones the platform writes today. */
export const serviceSourceTypes = ['activity_attendance', 'order', 'import', 'manual'] as const;
export type ServiceSourceType = (typeof serviceSourceTypes)[number];

/**
 * pending: recorded, waiting for the organiser; confirmed: counted (its minutes are a ledger entry);
 * corrected: a correction replaced it (a newer record names it in `corrects_id`); rejected: the
 * organiser refused it (never counted).
 */
export const serviceRecordStatuses = ['pending', 'confirmed', 'corrected', 'rejected'] as const;
export type ServiceRecordStatus = (typeof serviceRecordStatuses)[number];

/**
 * A service record (志愿服务记录), as 志愿服务记录与证明出具办法 requires: who served, what (the
 * activity or order, and the content), when, how long, which organisation recorded it, who
 * recorded it and when. The minutes are never edited: a correction writes a new record that names
 * this one (`corrects_id`) and moves this one to `corrected`. Confirmed minutes live on the ledger
 * (`ledger_transaction_id`); the record only says which transaction holds them.
 * `region_code` is where the service happened: it decides which staff see and confirm it.
 */
export const serviceRecords = pgTable(
  'service_records',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    volunteerUserId: uuid('volunteer_user_id').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    regionCode: text('region_code').notNull(),
    /** The recording organisation (team, social organisation …); null when a practice site recorded it. */
    organisationId: uuid('organisation_id'),
    content: text('content').notNull(),
    minutes: integer('minutes').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: serviceRecordStatuses }).notNull().default('pending'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    ledgerTransactionId: uuid('ledger_transaction_id'),
    /** A refused pending record (status `rejected`): who refused it, when, and why (the volunteer is told). */
    rejectedBy: uuid('rejected_by'),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    /** The record this one replaces after an approved correction. */
    correctsId: uuid('corrects_id'),
    /** Synthetic history (demo seed), labelled as such. */
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    foreignKey({
      name: 'service_records_corrects_fk',
      columns: [t.tenantId, t.correctsId],
      foreignColumns: [t.tenantId, t.id],
    }),
    // One record per source (an attendance, an order, an imported row): a retried check-out finds it.
    uniqueIndex('service_records_source_uq').on(t.tenantId, t.sourceType, t.sourceId).where(sql`corrects_id is null`),
    uniqueIndex('service_records_corrects_uq').on(t.tenantId, t.correctsId),
    index('service_records_volunteer_idx').on(t.tenantId, t.volunteerUserId, t.recordedAt),
    index('service_records_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.status),
    check('service_records_minutes_check', sql`${t.minutes} >= 0 and ${t.minutes} <= 1440`),
  ],
);

export const correctionStates = ['pending', 'approved', 'rejected'] as const;
export type CorrectionState = (typeof correctionStates)[number];

/**
 * A request to correct a confirmed record's minutes, with a reason; approved or rejected by a
 * different person than the one who asked. Approval reverses the original ledger transaction and
 * posts a new one under a new record (the original stays, marked `corrected`).
 */
export const hoursCorrections = pgTable(
  'hours_corrections',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    serviceRecordId: uuid('service_record_id').notNull(),
    regionCode: text('region_code').notNull(),
    minutes: integer('minutes').notNull(),
    reason: text('reason').notNull(),
    state: text('state', { enum: correctionStates }).notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** The record written on approval. */
    newRecordId: uuid('new_record_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.serviceRecordId],
      foreignColumns: [serviceRecords.tenantId, serviceRecords.id],
    }),
    // At most one open request per record.
    uniqueIndex('hours_corrections_open_uq').on(t.tenantId, t.serviceRecordId).where(sql`state = 'pending'`),
    index('hours_corrections_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.state),
    check('hours_corrections_minutes_check', sql`${t.minutes} >= 0 and ${t.minutes} <= 1440`),
  ],
);

export const hoursEventKinds = ['hours.confirmed', 'hours.reversed'] as const;
export type HoursEventKind = (typeof hoursEventKinds)[number];

/**
 * The hook for whoever credits something for hours (points, issue 11): one row per confirmation and
 * per reversal, written in the transaction that moved the ledger, numbered in commit-independent
 * but increasing order per tenant (`id`). A consumer keeps the last id it handled, or keys its own
 * ledger postings by `hours_event:<id>` so that handling an event twice changes nothing.
 */
export const hoursEvents = pgTable(
  'hours_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: hoursEventKinds }).notNull(),
    serviceRecordId: uuid('service_record_id').notNull(),
    volunteerUserId: uuid('volunteer_user_id').notNull(),
    /** Signed: positive for a confirmation, negative for a reversal. */
    minutes: integer('minutes').notNull(),
    ledgerTransactionId: uuid('ledger_transaction_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.serviceRecordId],
      foreignColumns: [serviceRecords.tenantId, serviceRecords.id],
    }),
    index('hours_events_volunteer_idx').on(t.tenantId, t.volunteerUserId, t.id),
  ],
);

/** Per-tenant settings: star thresholds in hours (1–5 stars) and the rounding rule for attendance. */
export const hoursSettings = pgTable('hours_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  starThresholdsHours: integer('star_thresholds_hours').array().notNull().default(sql`'{100,300,600,1000,1500}'`),
  roundingUnitMinutes: integer('rounding_unit_minutes').notNull().default(1),
  roundingMode: text('rounding_mode', { enum: ['down', 'nearest', 'up'] })
    .notNull()
    .default('down'),
  minimumMinutes: integer('minimum_minutes').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const certificateStates = ['requested', 'issued', 'refused', 'revoked'] as const;
export type CertificateState = (typeof certificateStates)[number];

/**
 * A service certificate (志愿服务记录证明): requested by a volunteer for a period or for all
 * service, issued by staff of the recording side, registered under its number. `content` is the
 * canonical content the PDF shows and `signature` an Ed25519 signature over it, so any change to
 * the stored content (or a forged PDF) no longer verifies.
 */
export const certificates = pgTable(
  'certificates',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number'),
    volunteerUserId: uuid('volunteer_user_id').notNull(),
    regionCode: text('region_code').notNull(),
    periodFrom: timestamp('period_from', { withTimezone: true }),
    periodTo: timestamp('period_to', { withTimezone: true }),
    purpose: text('purpose'),
    state: text('state', { enum: certificateStates }).notNull().default('requested'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    content: jsonb('content').$type<Record<string, unknown>>(),
    signature: text('signature'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    /** A request the recording side declined (not issued), with its reason; the volunteer may ask again. */
    refusedBy: uuid('refused_by'),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    refuseReason: text('refuse_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    uniqueIndex('certificates_number_uq').on(t.tenantId, t.number),
    index('certificates_volunteer_idx').on(t.tenantId, t.volunteerUserId, t.requestedAt),
    index('certificates_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.state),
  ],
);

/**
 * The last certificate number given out per tenant and year: `ZM2026000001`, `ZM2026000002`, …
 * Taken in the issuing transaction (an upsert that adds one), so a refused issue gives its number back.
 */
export const certificateSequences = pgTable(
  'certificate_sequences',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);
