import { and, desc, type SQL, sql } from 'drizzle-orm';
import { timeIdCursor } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import type { WishRow } from './machine.js';
import { wishes } from './schema.js';

/** One keyset page of wishes, newest first (placed time, then id). */
export async function pageWishes(
  db: Db,
  conditions: (SQL | undefined)[],
  page: { limit: number; cursor?: string },
): Promise<{ rows: WishRow[]; nextCursor: string | null }> {
  const after = timeIdCursor.decode(page.cursor);
  const keyset = after
    ? sql`(${wishes.placedAt}, ${wishes.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
    : undefined;
  const rows = await db
    .select({ wish: wishes, sortAt: sql<string>`(${wishes.placedAt})::text` })
    .from(wishes)
    .where(and(...conditions, keyset))
    .orderBy(desc(wishes.placedAt), desc(wishes.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    rows: items.map((r) => r.wish),
    nextCursor: rows.length > page.limit && last ? timeIdCursor.encode([last.sortAt, last.wish.id]) : null,
  };
}
