/**
 * The transactional outbox. A use case writes a message in the transaction of the change it reports
 * (`enqueueMessage`); the `outbox.deliver` job sends it afterwards through the channel's provider,
 * outside any transaction, retrying with backoff. A message that a provider refuses for good, or that
 * fails every attempt, is dead: staff see it in the console and can send it again.
 */
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db.js';
import { type JobDefinition, sendJob } from '../jobs.js';
import { type OutboxChannel, outboxMessages } from './schema.js';

export const OUTBOX_JOB = 'outbox.deliver';
/** The first try and five retries, about 30 s, 1, 2, 4 and 8 minutes apart. */
export const OUTBOX_MAX_ATTEMPTS = 6;

export interface OutgoingMessage {
  tenantId: string;
  channel: OutboxChannel;
  recipient: string;
  template: string;
  params: Record<string, string>;
  text: string;
  reference?: string;
}

export interface Delivery {
  tenantId: string;
  recipient: string;
  template: string;
  params: Record<string, string>;
  text: string;
}

/** A channel's provider. Throw `DeliveryError` to say whether trying again can help. */
export interface Deliverer {
  deliver(message: Delivery, ctx: { db: Db }): Promise<{ providerRef?: string | null }>;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** The provider will refuse this message whatever we do (bad number, bad template, bad credentials). */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export async function enqueueMessage(tx: Db, message: OutgoingMessage): Promise<string> {
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      tenantId: message.tenantId,
      channel: message.channel,
      recipient: message.recipient,
      template: message.template,
      payload: { params: message.params, text: message.text },
      reference: message.reference ?? null,
    })
    .returning({ id: outboxMessages.id });
  if (!row) throw new Error('outbox insert returned nothing');
  await sendJob(tx, OUTBOX_JOB, { tenantId: message.tenantId, id: row.id });
  return row.id;
}

/** Puts a dead message back in the queue; answers false when it is not dead or its text is gone. */
export async function requeueMessage(tx: Db, tenantId: string, id: string, now = new Date()): Promise<boolean> {
  const requeued = await tx
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, updatedAt: now })
    .where(
      and(
        eq(outboxMessages.tenantId, tenantId),
        eq(outboxMessages.id, id),
        eq(outboxMessages.status, 'dead'),
        isNotNull(outboxMessages.payload),
      ),
    )
    .returning({ id: outboxMessages.id });
  if (!requeued.length) return false;
  await sendJob(tx, OUTBOX_JOB, { tenantId, id });
  return true;
}

export function outboxDeliveryJob(
  deliverers: Partial<Record<OutboxChannel, Deliverer>>,
): JobDefinition<{ tenantId: string; id: string }> {
  return {
    name: OUTBOX_JOB,
    retryLimit: OUTBOX_MAX_ATTEMPTS - 1,
    retryDelaySeconds: 30,
    expireInSeconds: 120,
    async run({ tenantId, id }, ctx) {
      const where = and(eq(outboxMessages.tenantId, tenantId), eq(outboxMessages.id, id));
      const [message] = await ctx.db.select().from(outboxMessages).where(where);
      if (message?.status !== 'pending' || !message.payload) return;
      const attempts = message.attempts + 1;
      const deliverer = deliverers[message.channel];
      if (!deliverer) {
        await ctx.db
          .update(outboxMessages)
          .set({
            status: 'dead',
            attempts,
            lastError: `no ${message.channel} provider is configured`,
            updatedAt: ctx.now(),
          })
          .where(where);
        return;
      }
      try {
        const { providerRef } = await deliverer.deliver(
          { tenantId, recipient: message.recipient, template: message.template, ...message.payload },
          { db: ctx.db },
        );
        await ctx.db
          .update(outboxMessages)
          .set({
            status: 'sent',
            payload: null,
            attempts,
            lastError: null,
            providerRef: providerRef ?? null,
            sentAt: ctx.now(),
            updatedAt: ctx.now(),
          })
          .where(where);
      } catch (err) {
        const permanent = err instanceof DeliveryError && err.permanent;
        const dead = permanent || attempts >= OUTBOX_MAX_ATTEMPTS;
        await ctx.db
          .update(outboxMessages)
          .set({
            status: dead ? 'dead' : 'pending',
            attempts,
            lastError: (err as Error).message.slice(0, 500),
            updatedAt: ctx.now(),
          })
          .where(where);
        ctx.log.warn({ err, outboxId: id, attempts, dead }, 'outbox delivery failed');
        if (!dead) throw err;
      }
    },
  };
}

/** Housekeeping: sent messages are forgotten after 30 days, dead ones (and their text) after 7. */
export async function deleteOldOutboxMessages(db: Db, now = new Date()) {
  await db
    .delete(outboxMessages)
    .where(
      and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.updatedAt, new Date(now.getTime() - 30 * 86_400_000))),
    );
  await db
    .delete(outboxMessages)
    .where(
      and(
        inArray(outboxMessages.status, ['dead']),
        lt(outboxMessages.updatedAt, new Date(now.getTime() - 7 * 86_400_000)),
      ),
    );
}
