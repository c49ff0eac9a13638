import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { type OutboxStatus, outboxMessages } from '../../platform/outbox/schema.js';

export interface ListOutboxInput {
  limit: number;
  cursor?: string;
  status?: OutboxStatus;
}

/** A phone shows as 138****0005; other recipients (openids, URLs) only by their kind. */
const maskRecipient = (channel: string, recipient: string) =>
  channel === 'sms' && recipient.length >= 7
    ? `${recipient.slice(0, 3)}****${recipient.slice(-4)}`
    : `${recipient.split(':')[0]}:…`;

/** The district's outgoing messages, newest first: what waits, what was sent, what is dead and why. */
export async function listOutboxMessages(ctx: Ctx, input: ListOutboxInput) {
  const actor = requireActor(ctx);
  const after = timeIdCursor.decode(input.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(outboxMessages.tenantId, actor.tenantId),
    input.status ? eq(outboxMessages.status, input.status) : undefined,
    after
      ? sql`(${outboxMessages.createdAt}, ${outboxMessages.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: outboxMessages.id,
      channel: outboxMessages.channel,
      recipient: outboxMessages.recipient,
      template: outboxMessages.template,
      reference: outboxMessages.reference,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
      updatedAt: outboxMessages.updatedAt,
      sentAt: outboxMessages.sentAt,
      retryable: sql<boolean>`${outboxMessages.payload} is not null`,
      sortAt: sql<string>`${outboxMessages.createdAt}::text`,
    })
    .from(outboxMessages)
    .where(and(...conditions))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortAt: _, retryable, ...m }) => ({
      ...m,
      recipient: maskRecipient(m.channel, m.recipient),
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      can: { retry: m.status === 'dead' && Boolean(retryable) },
    })),
    nextCursor: rows.length > input.limit && last ? timeIdCursor.encode([last.sortAt, last.id]) : null,
  };
}
