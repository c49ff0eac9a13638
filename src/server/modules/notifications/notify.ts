import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { pushToUser } from '../../platform/live.js';
import { enqueueMessage } from '../../platform/outbox/outbox.js';
import { sendSms } from '../../platform/outbox/sms.js';
import { sendWechat } from '../../platform/outbox/wechat.js';
import { users } from '../accounts/index.js';
import { type DeliveryChannel, notifications, wechatBindings } from './schema.js';

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
   * Channels besides the inbox, each sent through the outbox in the same transaction: SMS to the
   * account's phone, WeChat only when the user has bound one; e-mail has no provider yet (its
   * messages wait dead in the outbox until one is configured).
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
      data: input.data ?? null,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error('notification insert returned nothing');
  await pushToUser(tx, {
    tenantId: input.tenantId,
    userId: input.userId,
    type: 'notification',
    data: { kind: input.kind },
  });
  const channels = [...new Set(input.channels ?? [])];
  if (channels.length) await fanOut(tx, row.id, channels, input);
  return row.id;
}

/** Queues the other channels in the outbox: SMS to the account's phone, WeChat when one is bound. */
async function fanOut(tx: Db, id: string, channels: DeliveryChannel[], input: NotifyInput) {
  const [user] = await tx
    .select({ phone: users.phone, wechat: wechatBindings.userId })
    .from(users)
    .leftJoin(wechatBindings, and(eq(wechatBindings.tenantId, users.tenantId), eq(wechatBindings.userId, users.id)))
    .where(and(eq(users.tenantId, input.tenantId), eq(users.id, input.userId)));
  if (!user) return;
  const reference = `notification:${id}`;
  for (const channel of channels) {
    if (channel === 'sms') {
      await sendSms(tx, {
        tenantId: input.tenantId,
        phone: user.phone,
        template: 'notification',
        params: { title: input.title },
        reference,
      });
    } else if (channel === 'wechat') {
      if (!user.wechat) continue;
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
    } else {
      const params = { title: input.title };
      await enqueueMessage(tx, {
        tenantId: input.tenantId,
        channel,
        recipient: `user:${input.userId}`,
        template: 'notification',
        params,
        text: input.title,
        reference,
      });
    }
  }
}

/** The same message to several users (e.g. all leaders of a team). */
export async function notifyMany(tx: Db, userIds: string[], input: Omit<NotifyInput, 'userId'>): Promise<void> {
  for (const userId of new Set(userIds)) await notify(tx, { ...input, userId });
}
