/**
 * Keyset paging of the charity lists. Staff lists run newest first on (time, id); event lists on
 * (held on, created at, id). Cursors are parsed with their own tuple schema: a forged one is a 400.
 */
import { type AnyColumn, desc, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cursorCodec, cursorPart, timeIdCursor } from '../../platform/cursor.js';
import { charityEvents } from './schema.js';

export interface Page {
  limit: number;
  cursor?: string | undefined;
}

const dayPart = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const eventCursor = cursorCodec(dayPart, cursorPart.timestamp, cursorPart.uuid);

/** The order and the condition after the cursor of a newest-first list on (time, id). */
export function byTime(time: AnyColumn, id: AnyColumn, page: Page) {
  const after = timeIdCursor.decode(page.cursor);
  return {
    sortAt: sql<string>`${time}::text`,
    after: after ? sql`(${time}, ${id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
    order: [desc(time), desc(id)] as SQL[],
  };
}

/** The page of rows fetched with `limit + 1`, and the cursor of the next. */
export function pageOf<R extends { sortAt: string; id: string }>(rows: R[], page: Page) {
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? timeIdCursor.encode([last.sortAt, last.id]) : null,
  };
}

/** Events, latest day first. */
export function byEventDay(page: Page) {
  const after = eventCursor.decode(page.cursor);
  const e = charityEvents;
  return {
    sortAt: sql<string>`${e.createdAt}::text`,
    after: after
      ? sql`(${e.heldOn}, ${e.createdAt}, ${e.id}) < (${after[0]}::date, ${after[1]}::timestamptz, ${after[2]}::uuid)`
      : undefined,
    order: [desc(e.heldOn), desc(e.createdAt), desc(e.id)] as SQL[],
  };
}

export function eventPageOf<R extends { sortAt: string; id: string; heldOn: string }>(rows: R[], page: Page) {
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? eventCursor.encode([last.heldOn, last.sortAt, last.id]) : null,
  };
}
