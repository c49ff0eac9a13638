/**
 * Benchmarks with same-run baselines (ratios, not absolute times; the machine is shared).
 *
 *   npm run bench                       # on PGlite (embedded default)
 *   DATABASE_URL=postgres://… npm run bench   # on PostgreSQL (uses a scratch database leifeng_bench)
 *
 * Needs wrk (Debian package `wrk`; installed when missing and running as root).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { DEMO_PASSWORD, seedDemo } from '../src/server/demo/seed-demo.js';
import { users } from '../src/server/modules/accounts/index.js';
import { loadConfig } from '../src/server/platform/config.js';
import { connectPostgres, type Database, openPglite } from '../src/server/platform/db.js';
import { migrateDatabase } from '../src/server/platform/migrate.js';

const DURATION = process.env.BENCH_SECONDS ?? '10';
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '50';

function ensureWrk() {
  if (spawnSync('wrk', ['--version']).error) {
    execFileSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit' });
  }
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
}

function toMs(value: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(value);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

// Async on purpose: the servers under test run in this process's event loop.
async function wrk(url: string, headers: string[] = []): Promise<Result> {
  const args = ['-t2', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', ...headers.flatMap((h) => ['-H', h]), url];
  const { stdout: out } = await promisify(execFile)('wrk', args, { encoding: 'utf8' });
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (non2xx) throw new Error(`${url}: ${non2xx[1]} failed responses\n${out}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50: toMs(/50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99: toMs(/99%\s+(\S+)/.exec(out)?.[1] ?? ''),
  };
}

async function openBenchDatabase(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'leifeng-bench-'));
    const database = await openPglite(dir);
    return { database, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: url, user: new URL(url).username || 'postgres' });
  await admin.connect();
  await admin.query('drop database if exists leifeng_bench with (force)');
  await admin.query('create database leifeng_bench');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/leifeng_bench';
  return { database: connectPostgres(target.toString(), 10), cleanup: async () => {} };
}

ensureWrk();
const { database, cleanup } = await openBenchDatabase();
await migrateDatabase(database);
// A throw-away PII key: the bench database is dropped afterwards.
const PII_KEY = randomBytes(32).toString('base64');
await seedDemo(database.db, loadConfig({ NODE_ENV: 'test', PII_KEY }));
const db = database.db;

// Baseline: bare Fastify and one primary-key select on the same database handle.
const [someone] = await db.select({ id: users.id }).from(users).where(eq(users.phone, '13800000005'));
const baseline = Fastify();
baseline.get('/hello', async () => ({ hello: 'world' }));
baseline.get('/pk', async () => {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, '371002'), eq(users.id, someone?.id as string)));
  return row;
});
await baseline.listen({ port: 0, host: '127.0.0.1' });
const baseUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}`;

const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', LOGIN_RATE_PER_MINUTE: '1000', PII_KEY });
const app = await buildApp({ config, database, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const csrf = await fetch(`${appUrl}/api/v1/auth/csrf`);
const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
const { token } = (await csrf.json()) as { token: string };
const login = await fetch(`${appUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie.join('; ') },
  body: JSON.stringify({ phone: '13800000002', password: DEMO_PASSWORD }),
});
const session = login.headers
  .getSetCookie()
  .find((c) => c.startsWith('lf_session='))
  ?.split(';')[0];
if (!session) throw new Error(`login failed: ${login.status}`);
const auth = [`Cookie: ${session}`];

const runs: [string, Result][] = [];
const run = async (name: string, url: string, headers?: string[]) => {
  const r = await wrk(url, headers);
  runs.push([name, r]);
  console.log(
    `${name.padEnd(58)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms`,
  );
};

console.log(`database: ${database.kind}; wrk -t2 -c${CONNECTIONS} -d${DURATION}s\n`);
await run('baseline: Fastify hello', `${baseUrl}/hello`);
await run('baseline: Fastify + DB primary-key select', `${baseUrl}/pk`);
await run('GET /api/v1/me (session + grants + regions)', `${appUrl}/api/v1/me`, auth);
await run('GET /api/v1/sites?limit=20 (institute scope, join, keyset)', `${appUrl}/api/v1/sites?limit=20`, auth);

const pk = runs[1]?.[1] as Result;
console.log('\n| path | req/s | × PK baseline | p99 ms | p99 ÷ PK p99 |');
console.log('|---|---|---|---|---|');
for (const [name, r] of runs) {
  console.log(
    `| ${name} | ${r.rps.toFixed(0)} | ${(r.rps / pk.rps).toFixed(2)} | ${r.p99.toFixed(1)} | ${(r.p99 / pk.p99).toFixed(2)} |`,
  );
}

await app.close();
await baseline.close();
await database.close();
await cleanup();
