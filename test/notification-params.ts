import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/platform/db.js';

/**
 * The stored messages whose kind starts with `prefix`, and those of them without the parameters
 * the web needs to show them in the reader's language (`data.params` with every key of `needs`).
 */
export async function messagesOf(database: Database, prefix: string, needs: string[] = []) {
  const result = (await database.db.execute(
    sql`select kind, data from notifications where kind like ${`${prefix}%`}`,
  )) as unknown as { rows: { kind: string; data: { params?: Record<string, unknown> } | null }[] };
  const rows = result.rows;
  const bare = rows
    .filter((r) => !r.data?.params || needs.some((k) => r.data?.params?.[k] === undefined))
    .map((r) => r.kind);
  return { kinds: [...new Set(rows.map((r) => r.kind))].sort(), bare };
}
