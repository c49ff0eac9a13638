import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { guardianRelations } from '../../../shared/age-rules.js';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { regions } from '../regions/index.js';

export const volunteerStatuses = ['pending', 'active', 'suspended'] as const;
export type VolunteerStatus = (typeof volunteerStatuses)[number];
export const registrationChannels = ['online', 'desk', 'import'] as const;
export type RegistrationChannel = (typeof registrationChannels)[number];

/**
 * A volunteer's profile, one per user account. The ID-card number is stored only encrypted
 * (`id_number_sealed`) and as a keyed hash for uniqueness (`id_number_hash`); nothing in clear from
 * which it could be rebuilt: the masked form is derived from the decrypted number when read, and of
 * the birth date only the year is kept (for age rules and reports).
 * `region_code` is the home community: it decides which staff see the volunteer.
 */
export const volunteers = pgTable(
  'volunteers',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    number: text('number').notNull(),
    name: text('name').notNull(),
    idNumberSealed: text('id_number_sealed').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    birthYear: smallint('birth_year').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status', { enum: volunteerStatuses }).notNull(),
    statusReason: text('status_reason'),
    registeredVia: text('registered_via', { enum: registrationChannels }).notNull(),
    registeredBy: uuid('registered_by'),
    address: text('address'),
    intro: text('intro'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    uniqueIndex('volunteers_user_uq').on(t.tenantId, t.userId),
    uniqueIndex('volunteers_number_uq').on(t.tenantId, t.number),
    uniqueIndex('volunteers_id_hash_uq').on(t.tenantId, t.idNumberHash),
    // Region scopes are prefix matches (LIKE '3710…%'): text_pattern_ops serves them under any collation.
    index('volunteers_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops')),
    // Lists page by number and search numbers by prefix: in the C collation one index gives both, in order.
    index('volunteers_number_c_idx').on(t.tenantId, sql`${t.number} collate "C"`),
    index('volunteers_name_prefix_idx').on(t.tenantId, t.name.op('text_pattern_ops')),
  ],
);

/** The skill taxonomy, configurable per tenant (理论宣讲, 文化文艺, …). */
export const skills = pgTable(
  'skills',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /**
     * A qualification (资质, e.g. 急救): held only through a valid academy qualification of this
     * code, never by a volunteer declaring it (see the academy's `servedSkills`).
     */
    qualification: boolean('qualification').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

export const volunteerSkills = pgTable(
  'volunteer_skills',
  {
    tenantId: text('tenant_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    skillCode: text('skill_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.volunteerId, t.skillCode] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteers.tenantId, volunteers.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.skillCode], foreignColumns: [skills.tenantId, skills.code] }),
    index('volunteer_skills_skill_idx').on(t.tenantId, t.skillCode),
  ],
);

/** Weekly availability: weekday 1 (Monday) … 7 (Sunday), minutes after midnight, local time. */
export const volunteerAvailability = pgTable(
  'volunteer_availability',
  {
    tenantId: text('tenant_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.volunteerId, t.weekday, t.startMinute] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteers.tenantId, volunteers.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Regions where the volunteer is willing to serve. */
export const volunteerServiceAreas = pgTable(
  'volunteer_service_areas',
  {
    tenantId: text('tenant_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    regionCode: text('region_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.volunteerId, t.regionCode] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteers.tenantId, volunteers.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('volunteer_service_areas_region_idx').on(t.tenantId, t.regionCode),
  ],
);

/** Every consent given to the volunteer service agreement (history; the latest one is current). */
export const volunteerConsents = pgTable(
  'volunteer_consents',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    volunteerId: uuid('volunteer_id').notNull(),
    version: text('version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
    channel: text('channel', { enum: registrationChannels }).notNull(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteers.tenantId, volunteers.id] }).onDelete(
      'cascade',
    ),
    index('volunteer_consents_volunteer_idx').on(t.tenantId, t.volunteerId, t.acceptedAt),
  ],
);

/** Volunteer-number sequence per tenant, prefix and year; bumped in the transaction that uses the number. */
export const volunteerNumberSequences = pgTable(
  'volunteer_number_sequences',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.prefix, t.year] })],
);

/** A pending change of the sign-in phone, confirmed by a code sent to the new number. */
export const phoneChangeRequests = pgTable(
  'phone_change_requests',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    newPhone: text('new_phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('phone_change_requests_user_idx').on(t.tenantId, t.userId, t.createdAt),
  ],
);

/**
 * A code sent to a phone for online registration. A phone that already has an account gets a row
 * too, but its message carries no code (see register-volunteer-online.ts), so every answer, resend
 * limit and attempt count looks the same whether or not the phone is registered.
 */
export const registrationCodes = pgTable(
  'registration_codes',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('registration_codes_phone_idx').on(t.tenantId, t.phone, t.createdAt),
  ],
);

/** Age limits of registration per tenant (see src/shared/age-rules.ts); no row = the national defaults 18 and 8. */
export const volunteerSettings = pgTable('volunteer_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  adultAge: smallint('adult_age').notNull().default(18),
  minAgeOnOwn: smallint('min_age_on_own').notNull().default(8),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A guardian's consent to a minor's registration: who consented (name, relation) and how to reach
 * them (the phone stored only encrypted, like the ID number), when and through which channel.
 */
export const volunteerGuardianConsents = pgTable(
  'volunteer_guardian_consents',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    volunteerId: uuid('volunteer_id').notNull(),
    guardianName: text('guardian_name').notNull(),
    guardianPhoneSealed: text('guardian_phone_sealed').notNull(),
    relation: text('relation', { enum: guardianRelations }).notNull(),
    channel: text('channel', { enum: registrationChannels }).notNull(),
    recordedBy: uuid('recorded_by'),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteers.tenantId, volunteers.id] }).onDelete(
      'cascade',
    ),
    index('volunteer_guardian_consents_volunteer_idx').on(t.tenantId, t.volunteerId, t.consentedAt),
  ],
);
