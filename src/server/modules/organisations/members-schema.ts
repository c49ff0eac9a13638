// Members and join requests live apart from `organisations` because accounts/schema.ts (role_grants)
// imports the organisations table, and these tables reference users: one file each way avoids a cycle.
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/index.js';
import { organisations } from './schema.js';

export const memberRoles = ['leader', 'admin', 'member'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** Who belongs to an organisation, with their role in it. One row per (organisation, user). */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    tenantId: text('tenant_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: memberRoles }).notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.organisationId, t.userId] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('organisation_members_user_idx').on(t.tenantId, t.userId),
  ],
);

/** A request to join (from the volunteer) or an invitation (from a leader/admin). */
export const membershipRequestKinds = ['request', 'invitation'] as const;
export type MembershipRequestKind = (typeof membershipRequestKinds)[number];

export const membershipRequestStatuses = [
  'pending',
  'approved',
  'declined',
  'withdrawn',
  'accepted',
  'revoked',
] as const;
export type MembershipRequestStatus = (typeof membershipRequestStatuses)[number];

export const membershipRequests = pgTable(
  'membership_requests',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    kind: text('kind', { enum: membershipRequestKinds }).notNull(),
    /** The person who would become a member (the applicant, or the invitee). */
    userId: uuid('user_id').notNull(),
    status: text('status', { enum: membershipRequestStatuses }).notNull().default('pending'),
    /** The role the person gets on joining (invitations may name leader or admin). */
    role: text('role', { enum: memberRoles }).notNull().default('member'),
    /** The applicant's or the inviter's note. */
    message: text('message'),
    /** Why it was declined, when a reason was given. */
    reason: text('reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.decidedBy], foreignColumns: [users.tenantId, users.id] }),
    /** At most one open request or invitation per person and organisation. */
    uniqueIndex('membership_requests_pending_uq')
      .on(t.tenantId, t.organisationId, t.userId)
      .where(sql`status = 'pending'`),
    index('membership_requests_org_idx').on(t.tenantId, t.organisationId, t.status, t.createdAt),
    index('membership_requests_user_idx').on(t.tenantId, t.userId, t.status),
  ],
);
