import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/index.js';

/**
 * The in-app inbox: one row per message to one user. It is also the source record for other
 * channels: `notify()` can queue `notification_deliveries` rows (an outbox) that WeChat/SMS/e-mail
 * adapters will drain later; only the in-app channel is served now.
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

/** Outbox for channels other than the inbox: one row per (notification, channel), drained by an adapter. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    tenantId: text('tenant_id').notNull(),
    notificationId: uuid('notification_id').notNull(),
    channel: text('channel', { enum: deliveryChannels }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'skipped'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.notificationId, t.channel] }),
    foreignKey({
      columns: [t.tenantId, t.notificationId],
      foreignColumns: [notifications.tenantId, notifications.id],
    }).onDelete('cascade'),
    index('notification_deliveries_pending_idx').on(t.tenantId, t.channel, t.createdAt).where(sql`status = 'pending'`),
  ],
);
