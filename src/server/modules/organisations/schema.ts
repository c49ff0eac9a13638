import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions, tenants } from '../regions/schema.js';

export const organisationKinds = [
  'team',
  'social_org',
  'caring_merchant',
  'bank_outlet',
  'school',
  'enterprise',
  'government',
] as const;

/** Volunteer teams and organisations (志愿服务队、社会组织、爱心商户、银行网点、学校…). */
export const organisations = pgTable(
  'organisations',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    parentId: uuid('parent_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('organisations_region_idx').on(t.tenantId, t.regionCode),
  ],
);
