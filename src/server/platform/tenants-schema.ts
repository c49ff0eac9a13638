import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A tenant is one district. Its id is the district's GB/T 2260 code. */
export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
