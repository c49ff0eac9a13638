import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { pushToUser } from '../../platform/live.js';
import { enqueueMessage } from '../../platform/outbox/outbox.js';
import { renderSms } from '../../platform/outbox/sms.js';
import { users } from '../accounts/index.js';
import { type DeliveryChannel, notifications } from './schema.js';

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
   * Channels besides the inbox, each sent through the outbox in the same transaction. Only SMS has a
   * provider today; a WeChat or e-mail message waits dead in the outbox until one is configured.
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
  if (channels.length) {
    const [user] = await tx
      .select({ phone: users.phone })
      .from(users)
      .where(and(eq(users.tenantId, input.tenantId), eq(users.id, input.userId)));
    for (const channel of channels) {
      const params = { title: input.title };
      await enqueueMessage(tx, {
        tenantId: input.tenantId,
        channel,
        recipient: channel === 'sms' ? (user?.phone ?? '') : `user:${input.userId}`,
        template: 'notification',
        params,
        text: channel === 'sms' ? renderSms('notification', params) : input.title,
        reference: `notification:${row.id}`,
      });
    }
  }
  return row.id;
}

/** The same message to several users (e.g. all leaders of a team). */
export async function notifyMany(tx: Db, userIds: string[], input: Omit<NotifyInput, 'userId'>): Promise<void> {
  for (const userId of new Set(userIds)) await notify(tx, { ...input, userId });
}
