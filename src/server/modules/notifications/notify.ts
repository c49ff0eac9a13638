import type { Db } from '../../platform/db.js';
import { type DeliveryChannel, notificationDeliveries, notifications } from './schema.js';

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
   * Channels besides the inbox. Each one queues a pending `notification_deliveries` row (an outbox)
   * for its adapter; no adapter drains them yet, so leave this empty until one exists.
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
  const channels = [...new Set(input.channels ?? [])];
  if (channels.length) {
    await tx
      .insert(notificationDeliveries)
      .values(channels.map((channel) => ({ tenantId: input.tenantId, notificationId: row.id, channel })));
  }
  return row.id;
}

/** The same message to several users (e.g. all leaders of a team). */
export async function notifyMany(tx: Db, userIds: string[], input: Omit<NotifyInput, 'userId'>): Promise<void> {
  for (const userId of new Set(userIds)) await notify(tx, { ...input, userId });
}
