import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import { timeIdCursor } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import type { OrderRow } from './machine.js';
import { orders } from './schema.js';

/** The deadline an open order waits for: its review, else its acceptance; placed time when it has none. */
const due = sql`coalesce(case when ${orders.state} = 'submitted' then ${orders.reviewDueAt} else ${orders.acceptDueAt} end, ${orders.placedAt})`;

/**
 * One keyset page of orders: `recent` newest first (placed time), `due` soonest deadline first
 * (the dispatcher's queue).
 */
export async function pageOrders(
  db: Db,
  conditions: (SQL | undefined)[],
  page: { limit: number; cursor?: string },
  sort: 'recent' | 'due' = 'recent',
): Promise<{ rows: OrderRow[]; nextCursor: string | null }> {
  const after = timeIdCursor.decode(page.cursor);
  const key = sort === 'due' ? due : sql`${orders.placedAt}`;
  const keyset = after
    ? sort === 'due'
      ? sql`(${key}, ${orders.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : sql`(${key}, ${orders.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
    : undefined;
  const rows = await db
    .select({ order: orders, sortAt: sql<string>`(${key})::text` })
    .from(orders)
    .where(and(...conditions, keyset))
    .orderBy(...(sort === 'due' ? [asc(key), asc(orders.id)] : [desc(key), desc(orders.id)]))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    rows: items.map((r) => r.order),
    nextCursor: rows.length > page.limit && last ? timeIdCursor.encode([last.sortAt, last.order.id]) : null,
  };
}
