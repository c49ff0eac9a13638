import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/index.js';
import { regions } from '../regions/index.js';

/** How a member is related to the head of the family (户主). */
export const familyRelations = [
  'self',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'other',
] as const;
export type FamilyRelation = (typeof familyRelations)[number];

/** Volunteer families (志愿服务家庭): a household that serves as one unit, listed under its community. */
export const families = pgTable(
  'families',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    headUserId: uuid('head_user_id').notNull(),
    /** The home community. */
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.headUserId], foreignColumns: [users.tenantId, users.id] }),
    index('families_region_idx').on(t.tenantId, t.regionCode),
  ],
);

/** `invited` until the person accepts (or a keeper adds them at the desk, which makes them `active` at once). */
export const familyMemberStatuses = ['invited', 'active'] as const;
export type FamilyMemberStatus = (typeof familyMemberStatuses)[number];

export const familyMembers = pgTable(
  'family_members',
  {
    tenantId: text('tenant_id').notNull(),
    familyId: uuid('family_id').notNull(),
    userId: uuid('user_id').notNull(),
    relation: text('relation', { enum: familyRelations }).notNull(),
    status: text('status', { enum: familyMemberStatuses }).notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.familyId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.familyId], foreignColumns: [families.tenantId, families.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.invitedBy], foreignColumns: [users.tenantId, users.id] }),
    /** A person is an active member of at most one family. */
    uniqueIndex('family_members_one_family_uq').on(t.tenantId, t.userId).where(sql`status = 'active'`),
  ],
);
