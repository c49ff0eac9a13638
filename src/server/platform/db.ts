import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from '../db/schema.js';

/** A database handle or an open transaction: use cases take either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

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
  const db = drizzlePglite(client, { schema }) as unknown as Db;
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

export function connectPostgres(url: string, poolSize = 10): Database {
  // `pg` needs an explicit user where USER is unset (containers, CI).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, user: new URL(url).username || 'postgres' });
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return { kind: 'postgres', db, pool, url, ping: () => ping(db), close: () => pool.end() };
}

/**
 * Opens the embedded database in `dataDir`. Two processes on one PGlite folder silently
 * lose writes, so a lockfile holding our pid guards it; a lock left by a dead process is taken over.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const lockPath = join(dataDir, 'leifeng.lock');
  takeLock(lockPath);
  try {
    const client = await PGlite.create(join(dataDir, 'pg'));
    restrictTree(dataDir);
    return wrapPglite(client, () => {
      restrictTree(dataDir);
      rmSync(lockPath, { force: true });
    });
  } catch (err) {
    rmSync(lockPath, { force: true });
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

function takeLock(lockPath: string) {
  if (existsSync(lockPath)) {
    const pid = Number(readFileSync(lockPath, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The data folder is in use by process ${pid} (${lockPath}). Stop it first, or set DATA_DIR to another folder.`,
      );
    }
    rmSync(lockPath, { force: true });
  }
  const fd = openSync(lockPath, 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
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
