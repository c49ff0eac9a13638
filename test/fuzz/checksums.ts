import { sql } from 'drizzle-orm';
import type { Database } from '../../src/server/platform/db.js';

/** An md5 of every row of every table in the application schema, by table name. */
export async function tableChecksums(database: Database): Promise<Record<string, string>> {
  const tables = (await database.db.execute(
    sql`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: { name: string }[] };
  const names = tables.rows.map((r) => r.name);
  const parts = names.map(
    (n) => `select '${n}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${n}" t`,
  );
  const result = (await database.db.execute(sql.raw(parts.join(' union all ')))) as unknown as {
    rows: { name: string; sum: string }[];
  };
  return Object.fromEntries(result.rows.map((r) => [r.name, r.sum]));
}
