import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/index.js';

/**
 * The in-app inbox: one row per message to one user. Other channels (SMS, WeChat, e-mail) leave
 * through the platform outbox, queued by `notify()` in the same transaction.
 */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    /** Dotted event name, e.g. `organisation.join_approved`. Open-ended: modules add their own. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** In-app path to open, e.g. `/h5/teams/<id>`. */
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('notifications_user_idx').on(t.tenantId, t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.tenantId, t.userId).where(sql`read_at is null`),
  ],
);

export const deliveryChannels = ['wechat', 'sms', 'email'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/**
 * A user's WeChat official-account binding: the openid WeChat's web authorisation gave for them,
 * sealed like other personal data (AES-256-GCM under PII_KEY, the tenant bound in). One per user;
 * the same WeChat may be bound to several accounts (a person's own and a parent's it looks after).
 */
export const wechatBindings = pgTable(
  'wechat_bindings',
  {
    tenantId: text('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    openidSealed: text('openid_sealed').notNull(),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  ],
);
