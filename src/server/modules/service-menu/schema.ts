import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';

/** Service categories of the menu (理论政策宣讲, 文化文艺, …), configurable per tenant. */
export const serviceCategories = pgTable(
  'service_categories',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

export const providerKinds = ['team', 'project'] as const;
export type ProviderKind = (typeof providerKinds)[number];

/**
 * One service on the menu, offered by a team (an organisation) or a project. `region_code` is the
 * offering team's home (it decides which staff manage the item); `area_codes` are the regions it
 * serves (a subtree each), matched against a resident's community and its ancestors.
 */
export const menuItems = pgTable(
  'menu_items',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    categoryCode: text('category_code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    providerKind: text('provider_kind', { enum: providerKinds }).notNull(),
    organisationId: uuid('organisation_id'),
    projectName: text('project_name'),
    regionCode: text('region_code').notNull(),
    requiredSkills: text('required_skills').array().notNull().default([]),
    areaCodes: text('area_codes').array().notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** How many orders of this item may be open at once. */
    capacity: integer('capacity').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.categoryCode],
      foreignColumns: [serviceCategories.tenantId, serviceCategories.code],
    }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('menu_items_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops')),
    index('menu_items_browse_idx').on(t.tenantId, t.categoryCode, t.createdAt, t.id).where(sql`active`),
    index('menu_items_areas_idx').using('gin', t.areaCodes),
  ],
);
