import { foreignKey, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';

/**
 * The region tree: district → subdistrict (街道/镇) → community (社区/村), by official division code.
 * Codes are prefix-structured (371002 → 371002002 → 371002002005), so a subtree is a code prefix.
 */
export const regions = pgTable(
  'regions',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    level: text('level', { enum: ['district', 'subdistrict', 'community'] }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.code] }),
    foreignKey({ columns: [t.tenantId, t.parentCode], foreignColumns: [t.tenantId, t.code] }),
    index('regions_parent_idx').on(t.tenantId, t.parentCode),
  ],
);
