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
import { roles } from '../../platform/identity.js';
import { tenants } from '../../platform/tenants-schema.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';

export const users = pgTable(
  'users',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    phone: text('phone').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when someone else chose the password (a keeper at the desk); cleared by the user's own change. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('users_phone_uq').on(t.tenantId, t.phone)],
);

/** A role held by a user, bound to a region node (staff, judges) or to an organisation (org admins). */
export const roleGrants = pgTable(
  'role_grants',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: roles }).notNull(),
    regionCode: text('region_code'),
    organisationId: uuid('organisation_id'),
    grantedBy: uuid('granted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    index('role_grants_user_idx').on(t.tenantId, t.userId),
  ],
);

/** Server-side sessions; the cookie carries `<tenant>.<token>` and only the token's SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tenantId: text('tenant_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('sessions_user_idx').on(t.tenantId, t.userId),
  ],
);

/** Every sign-in attempt, for locking a phone after repeated failures. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    phone: text('phone').notNull(),
    ip: text('ip'),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('login_attempts_phone_idx').on(t.tenantId, t.phone, t.at)],
);

/**
 * Consecutive failed sign-ins per phone. A slot is taken here, in one conditional upsert, before a
 * password is checked, so concurrent guesses cannot overrun the limit; a success gives its slot back.
 * The count starts again LOGIN_LOCK_MINUTES after the last failure.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    phone: text('phone').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.phone] })],
);

/** A one-time code sent by SMS to set a new password (forgotten, or never had one: bulk-imported volunteers). */
export const passwordResets = pgTable(
  'password_resets',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('password_resets_user_idx').on(t.tenantId, t.userId, t.createdAt),
  ],
);
