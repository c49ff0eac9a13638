import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { pushToUser } from '../../platform/live.js';
import { sendSms } from '../../platform/outbox/sms.js';
import { sendWechat } from '../../platform/outbox/wechat.js';
import { users } from '../accounts/index.js';
import { type DeliveryChannel, notificationPreferences, notifications, wechatBindings } from './schema.js';
import { defaultPreference, topicOf } from './topics.js';

export interface NotifyInput {
  tenantId: string;
  userId: string;
  /** Dotted event name, e.g. `organisation.join_approved`. */
  kind: string;
  title: string;
  body?: string;
  /** In-app path the message opens. */
  link?: string | null;
  data?: Record<string, unknown>;
  /**
   * What the title and body say, as values: the inbox renders `notifications.<kind>.title|body` in
   * the reader's language from them (stored in `data.params`); `title` and `body` stay the Chinese
   * text, used for SMS and WeChat and by readers whose app has no string for the kind.
   */
  params?: Record<string, string | number>;
  /**
   * Narrows the channels besides the inbox (which always gets the message). Without it, every channel
   * the user switched on for the kind's topic; each is queued in the outbox in the same transaction.
   */
  channels?: DeliveryChannel[];
}

/**
 * Puts a message in a user's inbox. Call it with the transaction of the change it reports, so the
 * message exists exactly when the change does.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      tenantId: input.tenantId,
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body ?? '',
      link: input.link ?? null,
      data: input.params ? { ...input.data, params: input.params } : (input.data ?? null),
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error('notification insert returned nothing');
  await pushToUser(tx, {
    tenantId: input.tenantId,
    userId: input.userId,
    type: 'notification',
    data: { kind: input.kind },
  });
  await fanOut(tx, row.id, input);
  return row.id;
}

/**
 * Queues the other channels in the outbox, those the user switched on for the kind's topic (SMS to
 * the account's phone; WeChat only when one is bound), narrowed to `input.channels` when given.
 */
async function fanOut(tx: Db, id: string, input: NotifyInput) {
  const topic = topicOf(input.kind);
  const [user] = await tx
    .select({
      phone: users.phone,
      bound: wechatBindings.userId,
      sms: notificationPreferences.sms,
      wechat: notificationPreferences.wechat,
    })
    .from(users)
    .leftJoin(wechatBindings, and(eq(wechatBindings.tenantId, users.tenantId), eq(wechatBindings.userId, users.id)))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.tenantId, users.tenantId),
        eq(notificationPreferences.userId, users.id),
        eq(notificationPreferences.topic, topic),
      ),
    )
    .where(and(eq(users.tenantId, input.tenantId), eq(users.id, input.userId)));
  if (!user) return;
  const allowed = (channel: DeliveryChannel) => !input.channels || input.channels.includes(channel);
  const reference = `notification:${id}`;
  if (allowed('sms') && (user.sms ?? defaultPreference.sms)) {
    await sendSms(tx, {
      tenantId: input.tenantId,
      phone: user.phone,
      template: 'notification',
      params: { title: input.title },
      reference,
    });
  }
  if (allowed('wechat') && user.bound && (user.wechat ?? defaultPreference.wechat)) {
    await sendWechat(tx, {
      tenantId: input.tenantId,
      userId: input.userId,
      template: 'notification',
      params: {
        title: input.title,
        body: input.body ?? '',
        kind: input.kind,
        time: new Date().toISOString(),
        ...(input.link ? { link: input.link } : {}),
      },
      reference,
    });
  }
}

/** The same message to several users (e.g. all leaders of a team). */
export async function notifyMany(tx: Db, userIds: string[], input: Omit<NotifyInput, 'userId'>): Promise<void> {
  for (const userId of new Set(userIds)) await notify(tx, { ...input, userId });
}
