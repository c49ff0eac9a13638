import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { notifications } from './schema.js';

export interface ListMyNotificationsInput {
  limit: number;
  cursor?: string;
  unread?: boolean;
}

/** The caller's inbox, newest first, keyset-paged, with the number of unread messages. */
export async function listMyNotifications(ctx: Ctx, input: ListMyNotificationsInput) {
  const actor = requireActor(ctx);
  const mine = and(eq(notifications.tenantId, actor.tenantId), eq(notifications.userId, actor.userId));
  const after = timeIdCursor.decode(input.cursor);
  const conditions: (SQL | undefined)[] = [
    mine,
    input.unread ? isNull(notifications.readAt) : undefined,
    after
      ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      data: notifications.data,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      // Full microsecond precision for the cursor (a JS Date keeps only milliseconds).
      sortAt: sql<string>`${notifications.createdAt}::text`,
    })
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit + 1);
  const [unread] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortAt: _, ...n }) => ({
      ...n,
      data: n.data ?? {},
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    unreadCount: unread?.n ?? 0,
    nextCursor: rows.length > input.limit && last ? timeIdCursor.encode([last.sortAt, last.id]) : null,
  };
}
