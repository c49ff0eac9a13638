import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const outboxChannels = ['sms', 'wechat', 'email', 'webhook'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];
export const outboxStatuses = ['pending', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Messages to other systems (SMS, WeChat, e-mail, webhooks), written in the transaction of the change
 * they report and delivered afterwards by the `outbox.deliver` job. The payload (the rendered text and
 * its parameters, which may hold a verification code) is kept only until the message is sent.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    channel: text('channel', { enum: outboxChannels }).notNull(),
    /** Phone number, WeChat openid, e-mail address or URL. */
    recipient: text('recipient').notNull(),
    /** Provider template, e.g. `verification_code`. */
    template: text('template').notNull(),
    payload: jsonb('payload').$type<{ params: Record<string, string>; text: string }>(),
    /** What produced it, e.g. `notification:<id>`, for people reading the console. */
    reference: text('reference'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The provider's id for the delivered message (Aliyun BizId, …). */
    providerRef: text('provider_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('outbox_messages_status_idx').on(t.tenantId, t.status, t.createdAt),
  ],
);

/**
 * The demo's "phone": what the demo SMS provider delivers, readable by staff in the console so a
 * trial user can finish a password reset. Written only when SMS_PROVIDER=demo; kept a day.
 */
export const demoSmsMessages = pgTable(
  'demo_sms_messages',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    phone: text('phone').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('demo_sms_messages_phone_idx').on(t.tenantId, t.phone)],
);

/**
 * The demo's WeChat: what the demo WeChat provider delivers, readable by staff in the console, so a
 * trial user sees the template messages a bound account would get. Written only when
 * WECHAT_PROVIDER=demo; kept a day.
 */
export const demoWechatMessages = pgTable(
  'demo_wechat_messages',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    /** The demo openid the message went to. */
    openid: text('openid').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('demo_wechat_messages_openid_idx').on(t.tenantId, t.openid),
  ],
);
