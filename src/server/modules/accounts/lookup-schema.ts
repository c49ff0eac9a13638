import { foreignKey, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.js';

/** How many phone look-ups an account made on one day (UTC), counted atomically; see PHONE_LOOKUPS_PER_DAY. */
export const phoneLookups = pgTable(
  'phone_lookups',
  {
    tenantId: text('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    day: text('day').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.day] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  ],
);
