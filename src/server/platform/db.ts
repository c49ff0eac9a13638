import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataFolder } from './data-folder-lock.js';
import { prepareRepeatedStatements } from './pglite-statements.js';

/** A database handle or an open transaction: use cases take either. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Present on PGlite only. */
  pglite?: PGlite;
  /** Present on PostgreSQL only. */
  pool?: pg.Pool;
  /** The connection string (PostgreSQL only), for connections outside the pool (LISTEN). */
  url?: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function wrapPglite(client: PGlite, release: () => void = () => {}): Database {
  if (process.env.LEIFENG_PGLITE_UNNAMED !== '1') prepareRepeatedStatements(client);
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    ping: () => ping(db),
    async close() {
      await client.close();
      release();
    },
  };
}

const warnPoolError = (err: Error) =>
  console.warn(`PostgreSQL connection lost (${err.message}); the next query reconnects.`);

export function connectPostgres(url: string, poolSize = 10, onPoolError = warnPoolError): Database {
  // `pg` needs an explicit user where USER is unset (containers, CI).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    user: new URL(url).username || 'postgres',
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection that the server ends (restart, failover, pg_terminate_backend) is reported here;
  // without a listener the event would end the process. The pool drops the connection and opens a new one when needed.
  pool.on('error', onPoolError);
  const db = drizzleNodePg(pool) as unknown as Db;
  return { kind: 'postgres', db, pool, url, ping: () => ping(db), close: () => pool.end() };
}

/** Opens the embedded database in `dataDir`, holding the folder's lock (one process per folder) while open. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const unlock = lockDataFolder(dataDir);
  const release = () => {
    restrictTree(dataDir);
    unlock();
  };
  try {
    const client = await PGlite.create(join(dataDir, 'pg'));
    restrictTree(dataDir);
    return wrapPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Owner-only access to the data folder: folders 0700, files 0600. PGlite creates its files 0666 whatever
 * the umask, so the tree is tightened when it is opened and when it is closed; files PGlite adds in
 * between sit inside folders nobody else can enter.
 */
export function restrictTree(dir: string) {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) restrictTree(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown (pg_terminate_backend, restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, or the database refuses connections)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** The database cannot be reached right now (as opposed to a query that is wrong): answer 503, not 500. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    if (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|is not currently accepting connections/.test(
        message,
      )
    )
      return true;
  }
  return false;
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

export async function openDatabase(config: { DATABASE_URL?: string; dataDir: string }): Promise<Database> {
  return config.DATABASE_URL ? connectPostgres(config.DATABASE_URL) : openPglite(config.dataDir);
}
