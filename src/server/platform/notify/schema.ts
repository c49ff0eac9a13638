import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants-schema.js';

/**
 * Text messages as the development/test SMS adapter "sends" them: recorded here instead of
 * reaching a phone. A real provider adapter delivers instead and may record delivery receipts.
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: bigserial('id', { mode: 'number' }).notNull(),
    phone: text('phone').notNull(),
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('sms_outbox_phone_idx').on(t.tenantId, t.phone)],
);
