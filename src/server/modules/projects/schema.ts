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
  uuid,
} from 'drizzle-orm/pg-core';
import { projectCategories, projectLevels } from '../../../shared/project-lists.js';
import { tenants } from '../../platform/tenants-schema.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { menuItems } from '../service-menu/index.js';

export {
  type OptionalProjectField,
  optionalProjectFields,
  type ProjectLevel,
  projectCategories,
  projectLevels,
} from '../../../shared/project-lists.js';

export const projectStates = ['draft', 'submitted', 'returned', 'rejected', 'approved', 'concluded'] as const;
export type ProjectState = (typeof projectStates)[number];
/** The states of projects in the public library (项目库). */
export const libraryStates = ['approved', 'concluded'] as const satisfies ProjectState[];

/** A call for projects (项目征集): a window, a level, who may apply and what they must fill in. */
export const projectCalls = pgTable(
  'project_calls',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    level: text('level', { enum: projectLevels }).notNull(),
    /** The region that issues the call (its staff may change it). */
    regionCode: text('region_code').notNull(),
    year: smallint('year').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Organisation kinds that may apply; empty: every kind. */
    eligibleKinds: text('eligible_kinds').array().notNull().default([]),
    requiredFields: text('required_fields').array().notNull().default([]),
    /** Attachments applicants are asked for (申报书, 预算表…), by name. */
    requiredAttachments: text('required_attachments').array().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('project_calls_window_idx').on(t.tenantId, t.closesAt),
  ],
);

/** A brand (品牌): groups projects and themed series; owned by an organisation. */
export const brands = pgTable(
  'brands',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    logoFileId: uuid('logo_file_id'),
    organisationId: uuid('organisation_id').notNull(),
    /** The owning organisation's home region (staff scopes). */
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('brands_name_idx').on(t.tenantId, t.name),
  ],
);

/** A themed series of a brand (鲸园蓝 → 蓝色周六, 蓝色情怀…). */
export const brandSeries = pgTable(
  'brand_series',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    brandId: uuid('brand_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.brandId], foreignColumns: [brands.tenantId, brands.id] }).onDelete('cascade'),
    index('brand_series_brand_idx').on(t.tenantId, t.brandId, t.sortOrder),
  ],
);

/**
 * A project (项目) submitted to a call by an organisation. `region_code` is the organisation's home
 * region: review climbs from it up the region tree to the level of the call, one step per level;
 * `review_region_code` is the level whose staff decide now (null outside review).
 */
export const projects = pgTable(
  'projects',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    callId: uuid('call_id').notNull(),
    state: text('state', { enum: projectStates }).notNull().default('draft'),
    version: integer('version').notNull().default(0),
    name: text('name').notNull(),
    brandId: uuid('brand_id'),
    seriesId: uuid('series_id'),
    category: text('category', { enum: projectCategories }).notNull(),
    objectives: text('objectives').notNull().default(''),
    beneficiaries: text('beneficiaries').notNull().default(''),
    organisationId: uuid('organisation_id').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    regionsServed: text('regions_served').array().notNull().default([]),
    plan: text('plan').notNull().default(''),
    budgetFen: integer('budget_fen'),
    expectedOutputs: text('expected_outputs').notNull().default(''),
    year: smallint('year').notNull(),
    level: text('level', { enum: projectLevels }).notNull(),
    regionCode: text('region_code').notNull(),
    reviewRegionCode: text('review_region_code'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    synthetic: boolean('synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.callId], foreignColumns: [projectCalls.tenantId, projectCalls.id] }),
    foreignKey({ columns: [t.tenantId, t.brandId], foreignColumns: [brands.tenantId, brands.id] }),
    foreignKey({ columns: [t.tenantId, t.seriesId], foreignColumns: [brandSeries.tenantId, brandSeries.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('projects_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.updatedAt),
    index('projects_review_idx').on(t.tenantId, t.reviewRegionCode).where(sql`state = 'submitted'`),
    index('projects_library_idx').on(t.tenantId, t.state, t.year, t.name, t.id),
    index('projects_org_idx').on(t.tenantId, t.organisationId, t.updatedAt),
    index('projects_brand_idx').on(t.tenantId, t.brandId),
  ],
);

export const reviewDecisions = ['submit', 'resubmit', 'pass', 'approve', 'return', 'reject', 'conclude'] as const;

/** Every step of a project's review, in order: who decided what at which level, with comments. */
export const projectReviews = pgTable(
  'project_reviews',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    decision: text('decision', { enum: reviewDecisions }).notNull(),
    /** The region whose staff decided (null for the applicant's own steps). */
    regionCode: text('region_code'),
    fromState: text('from_state', { enum: projectStates }).notNull(),
    toState: text('to_state', { enum: projectStates }).notNull(),
    comment: text('comment'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }).onDelete(
      'cascade',
    ),
    index('project_reviews_project_idx').on(t.tenantId, t.projectId, t.at),
  ],
);

/**
 * Activities run under a project (besides those naming the project themselves). No foreign key to
 * activities: its index pulls the recurrence library, which drizzle-kit cannot load; set-links.ts
 * checks the activity exists and belongs to the applying organisation.
 */
export const projectActivities = pgTable(
  'project_activities',
  {
    tenantId: text('tenant_id').notNull(),
    projectId: uuid('project_id').notNull(),
    activityId: uuid('activity_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.projectId, t.activityId] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Service-menu items (服务菜单) a project delivers: the orders of these items count in its results. */
export const projectMenuItems = pgTable(
  'project_menu_items',
  {
    tenantId: text('tenant_id').notNull(),
    projectId: uuid('project_id').notNull(),
    menuItemId: uuid('menu_item_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.projectId, t.menuItemId] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.menuItemId], foreignColumns: [menuItems.tenantId, menuItems.id] }),
  ],
);
