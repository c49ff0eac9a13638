import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import { timeIdCursor } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { preparedPerShape } from '../../platform/prepared.js';
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
  return toPage(rows, page.limit);
}

/** A page of `limit` from the `limit + 1` rows read: the extra row only says that more follow. */
function toPage(rows: { order: OrderRow; sortAt: string }[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    rows: items.map((r) => r.order),
    nextCursor: rows.length > limit && last ? timeIdCursor.encode([last.sortAt, last.order.id]) : null,
  };
}

/**
 * `pageOrders`' newest-first page as one prepared statement per shape, for a list whose conditions
 * take only placeholders: `conditions(shape)` builds them, `shape` says which are present (its
 * first letter, `c` or `-`, whether a cursor continues). Each shape is built by drizzle once per
 * database handle; a call passes the values of the placeholders.
 */
export function preparedRecentPage(name: string, conditions: (shape: string) => (SQL | undefined)[]) {
  const query = preparedPerShape((db, shape) =>
    db
      .select({ order: orders, sortAt: sql<string>`(${orders.placedAt})::text` })
      .from(orders)
      .where(
        and(
          ...conditions(shape),
          shape.startsWith('c')
            ? sql`(${orders.placedAt}, ${orders.id}) < (${sql.placeholder('afterAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(orders.placedAt), desc(orders.id))
      .limit(sql.placeholder('limit'))
      .prepare(`${name}_${shape}`),
  );
  return async (
    db: Db,
    shape: string,
    values: Record<string, unknown>,
    page: { limit: number; cursor?: string },
  ): Promise<{ rows: OrderRow[]; nextCursor: string | null }> => {
    const after = timeIdCursor.decode(page.cursor);
    const rows = await query(db, `${after ? 'c' : '-'}${shape}`).execute({
      ...values,
      afterAt: after?.[0],
      afterId: after?.[1],
      limit: page.limit + 1,
    });
    return toPage(rows, page.limit);
  };
}
