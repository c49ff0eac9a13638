/**
 * One server under test, in its own process (as in production). Started by bench/run.ts:
 *
 *   BENCH_SERVER=product   the Leifeng app (DATA_DIR for PGlite, or DATABASE_URL); BENCH_WEB=1 also serves dist/web
 *   BENCH_SERVER=baseline  bare Fastify: /hello, /pk (primary-key select) and /insert (one-row insert)
 *                          on the same database, through the driver itself (PGlite, or a pg Pool of 10)
 *
 * Prints one line `{"port":N}` once it listens; exits cleanly on SIGTERM. With BENCH_PROFILE=<dir>
 * it profiles on request: a line `profile <name>` on stdin starts the CPU profiler, `stop` writes
 * `<dir>/<name>.cpuprofile` and answers `{"profiled":"<file>"}`, so each path gets its own profile
 * without the start-up in it.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config.js';
import { openDatabase } from '../src/server/platform/db.js';

const kind = process.env.BENCH_SERVER;
const url = process.env.DATABASE_URL;
let close: () => Promise<void>;
let port: number;

if (kind === 'product') {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    LOGIN_RATE_PER_MINUTE: '100000',
  } as Record<string, string>);
  const database = await openDatabase(config);
  const app = await buildApp({ config, database, logger: false, web: process.env.BENCH_WEB === '1' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
  close = async () => {
    await app.close();
    await database.close();
  };
} else if (kind === 'baseline') {
  type Query = (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;
  let query: Query;
  let end: () => Promise<void>;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10, user: new URL(url).username || 'postgres' });
    query = (text, params) => pool.query(text, params);
    end = () => pool.end();
  } else {
    const client = await PGlite.create(join(process.env.DATA_DIR as string, 'pg'));
    query = (text, params) => client.query(text, params);
    end = () => client.close();
  }
  await query(
    'create table if not exists bench_rows (id bigserial primary key, tenant_id text not null, note text not null, at timestamptz not null default now())',
    [],
  );
  const userId = process.env.BENCH_USER_ID as string;
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  app.get('/pk', async () => {
    const { rows } = await query('select id, display_name from users where tenant_id = $1 and id = $2', [
      '371002',
      userId,
    ]);
    return rows[0];
  });
  app.post('/insert', async () => {
    const { rows } = await query('insert into bench_rows (tenant_id, note) values ($1, $2) returning id', [
      '371002',
      'bench',
    ]);
    return rows[0];
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
  close = async () => {
    await app.close();
    await end();
  };
} else {
  throw new Error('BENCH_SERVER must be product or baseline');
}

const profileDir = process.env.BENCH_PROFILE;
if (profileDir) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  let name = '';
  createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line.startsWith('profile ')) {
      name = line.slice('profile '.length).replace(/[^\w.-]+/g, '_');
      await session.post('Profiler.start');
    } else if (line === 'stop') {
      const { profile } = await session.post('Profiler.stop');
      const file = join(profileDir, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(JSON.stringify({ profiled: file }));
    }
  });
}

process.on('SIGTERM', async () => {
  await close();
  process.exit(0);
});
console.log(JSON.stringify({ port }));
