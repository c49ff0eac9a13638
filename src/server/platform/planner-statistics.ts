import { sql } from 'drizzle-orm';
import type { Database, Db } from './db.js';
import type { JobDefinition } from './jobs.js';

/**
 * The query planner chooses joins from table statistics. PostgreSQL keeps them current with
 * autovacuum; PGlite has no autovacuum, so a freshly seeded embedded database is planned as if
 * every table were tiny (a nested loop over regions: 10 ms where a merge join takes 1 ms).
 */
export async function analyzeDatabase(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}

/** Tables whose statistics were never gathered (reltuples < 0; an analysed empty table has 0). */
export async function unanalysedTables(db: Db): Promise<number> {
  const { rows } = (await db.execute(sql`
    select count(*)::int as n
      from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
     where ns.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0`)) as unknown as {
    rows: { n: number }[];
  };
  return rows[0]?.n ?? 0;
}

/** Analyses when some table has no statistics yet, e.g. after an upgrade or an import; answers whether it ran. */
export async function analyzeIfNeverAnalysed(db: Db): Promise<boolean> {
  if ((await unanalysedTables(db)) === 0) return false;
  await analyzeDatabase(db);
  return true;
}

/** Nightly statistics on the embedded database (PostgreSQL's autovacuum does this by itself). */
export function plannerStatisticsJob(database: Database): JobDefinition[] {
  if (database.kind !== 'pglite') return [];
  return [
    {
      name: 'platform.planner-statistics',
      cron: '23 19 * * *',
      retryLimit: 1,
      run: (_data, ctx) => analyzeDatabase(ctx.db),
    },
  ];
}
