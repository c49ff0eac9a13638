import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants-schema.js';

/** Who changed what, and who revealed personal data. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: bigserial('id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Region the record belongs to, so the log itself can be filtered by scope. */
    regionCode: text('region_code'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.id),
    index('audit_log_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  ],
);
