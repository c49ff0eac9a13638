import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './db.js';
import { installJobs } from './jobs.js';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Applies the committed SQL migrations and installs the job runner's tables; on PostgreSQL under an advisory lock so that instances starting together take turns. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    await installJobs(database);
    return;
  }
  const pool = database.pool;
  if (!pool) throw new Error('PostgreSQL database without a pool');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(371002)');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    await migrateNodePg(drizzle(client) as unknown as NodePgDatabase, { migrationsFolder });
    await installJobs(database);
  } finally {
    await client.query('select pg_advisory_unlock(371002)').catch(() => {});
    client.release();
  }
}
