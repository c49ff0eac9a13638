/**
 * Request-path benchmarks with same-run baselines (ratios, not absolute times; the machine is shared).
 * Every server runs in its own Node process (bench/server.ts) and wrk drives it from outside.
 *
 *   npm run bench                                  # PGlite (embedded default)
 *   DATABASE_URL=postgres://… npm run bench        # PGlite, then PostgreSQL (scratch database leifeng_bench)
 *   BENCH_DB=postgres DATABASE_URL=… npm run bench # PostgreSQL only
 *   BENCH_PROFILE=/tmp/prof npm run bench          # also a CPU profile of the server per path (bench/profile.ts reads them)
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) set the wrk run; BENCH_DISPATCH=0 skips the dispatch part
 * (BENCH_COVERAGE=0 the 15-minute-circle part, bench/coverage.ts; BENCH_CHECKINS=0 the check-in burst, bench/checkins.ts;
 * BENCH_POINTS=0 the points and store part, bench/points.ts),
 * BENCH_ONLY=<regex> runs only the matching paths (and the primary-key and insert baselines); BENCH_BEFORE=<checkout>
 * (e.g. a worktree of main) also runs that tree's product first, for a before/after in the same run.
 * Then the dispatch engine's in-process benchmarks (bench/dispatch.ts, alone: npm run bench:dispatch).
 * Needs wrk (Debian package `wrk`; installed when missing and running as root).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo.js';
import { connectPostgres, type Database, openPglite } from '../src/server/platform/db.js';
import { benchCheckins } from './checkins.js';
import { benchCoverage } from './coverage.js';
import { benchDispatch } from './dispatch.js';
import {
  CONNECTIONS,
  DURATION,
  ensureWrk,
  orderRequest,
  placeOrders,
  prepareBenchDatabase,
  type Result,
  type ServerProcess,
  scratchPostgres,
  signIn,
  signInForWrites,
  startServer,
  wrk,
} from './harness.js';
import { benchPoints } from './points.js';

const PII_KEY = randomBytes(32).toString('base64');

const prepare = (database: Database) => prepareBenchDatabase(database, PII_KEY);

async function benchOne(kind: 'pglite' | 'postgres'): Promise<void> {
  let env: Record<string, string>;
  let cleanup = () => {};
  let userId: string;
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'leifeng-bench-'));
    userId = await prepare(await openPglite(dir));
    env = { DATA_DIR: dir, PII_KEY };
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = await scratchPostgres(process.env.DATABASE_URL as string, 'leifeng_bench');
    userId = await prepare(connectPostgres(url, 2));
    env = { DATABASE_URL: url, PII_KEY };
  }
  if (kind === 'pglite') delete process.env.DATABASE_URL;

  const runs: [string, Result][] = [];
  let server: ServerProcess;
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  const run = async (name: string, url: string, options?: Parameters<typeof wrk>[1]) => {
    if (only && !only.test(name) && !name.includes('primary-key') && !name.includes('one-row insert')) return;
    await wrk(url, { ...options, seconds: '2' }); // warm-up: JIT, caches, pools
    const slug = `${kind}-${prefix ? 'before-' : ''}${new URL(url).pathname.replaceAll('/', '_')}`;
    const r = await server.profile(slug, () => wrk(url, options));
    runs.push([name, r]);
    console.log(
      `${name.padEnd(62)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms`,
    );
  };

  console.log(`\n## ${kind}: wrk -t2 -c${CONNECTIONS} -d${DURATION}s, each server in its own process\n`);
  // The product first: the baseline's inserts would otherwise grow the database it reads.
  // With BENCH_BEFORE=<another checkout> its product runs the same paths first, for a before/after in one run.
  const before = process.env.BENCH_BEFORE;
  let prefix = '';
  let sessions: Record<'institute' | 'keeper' | 'resident' | 'residentWrites', string[]> | null = null;
  for (const root of before ? [before, null] : [null]) {
    const product = await startServer('product', env, root ?? undefined);
    server = product;
    prefix = root ? 'before: ' : '';
    if (!sessions) {
      await placeOrders(product.url, '13800000006', DEMO_PASSWORD, 30);
      const writer = await signInForWrites(product.url, '13800000006', DEMO_PASSWORD);
      sessions = {
        institute: [await signIn(product.url, '13800000002', DEMO_PASSWORD)],
        keeper: [await signIn(product.url, '13800000003', DEMO_PASSWORD)],
        resident: [await signIn(product.url, '13800000006', DEMO_PASSWORD)],
        residentWrites: [`Cookie: ${writer.cookies}`, `x-csrf-token: ${writer.token}`],
      };
    }
    const { institute, keeper, resident, residentWrites } = sessions;
    const u = product.url;
    await run(`${prefix}GET /api/health (database ping)`, `${u}/api/health`);
    await run(`${prefix}GET /api/v1/public/sites?limit=20 (anonymous, keyset)`, `${u}/api/v1/public/sites?limit=20`);
    await run(`${prefix}GET /api/v1/me (session + grants + place names)`, `${u}/api/v1/me`, { headers: institute });
    await run(`${prefix}GET /api/v1/sites?limit=20 (institute scope, join, keyset)`, `${u}/api/v1/sites?limit=20`, {
      headers: institute,
    });
    await run(`${prefix}GET /api/v1/volunteers?limit=20 (keeper scope, keyset)`, `${u}/api/v1/volunteers?limit=20`, {
      headers: keeper,
    });
    await run(
      `${prefix}GET /api/v1/orders/mine?limit=20 (resident, keyset, names)`,
      `${u}/api/v1/orders/mine?limit=20`,
      {
        headers: resident,
      },
    );
    // Last: every request places one more order (a free request), which the reads above would otherwise page through.
    await run(`${prefix}POST /api/v1/orders (resident places a free request)`, `${u}/api/v1/orders`, {
      headers: residentWrites,
      body: orderRequest(60),
    });
    await product.stop();
  }

  const baseline = await startServer('baseline', { ...env, BENCH_USER_ID: userId });
  server = baseline;
  await run('baseline: Fastify hello', `${baseline.url}/hello`);
  await run('baseline: Fastify + primary-key select', `${baseline.url}/pk`);
  await run('baseline: Fastify + one-row insert', `${baseline.url}/insert`, { post: true });
  await baseline.stop();
  cleanup();

  const pk = runs.find(([name]) => name.includes('primary-key'))?.[1] as Result;
  const insert = runs.find(([name]) => name.includes('one-row insert'))?.[1];
  const placing = runs.find(([name]) => name.startsWith('POST /api/v1/orders'))?.[1];
  if (insert && placing)
    console.log(
      `\nOrder placement: ${(placing.rps / insert.rps).toFixed(2)} × the one-row insert baseline (p99 ${(placing.p99 / insert.p99).toFixed(2)} × its p99)`,
    );
  console.log(`\n| path | req/s | × PK baseline | p50 ms | p99 ms | p99 ÷ PK p99 |`);
  console.log('|---|---|---|---|---|---|');
  for (const [name, r] of runs) {
    console.log(
      `| ${name} | ${r.rps.toFixed(0)} | ${(r.rps / pk.rps).toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.p99 / pk.p99).toFixed(2)} |`,
    );
  }
}

ensureWrk();
const pgUrl = process.env.DATABASE_URL;
const only = process.env.BENCH_DB;
if (only !== 'postgres') await benchOne('pglite');
if (pgUrl && only !== 'pglite') {
  process.env.DATABASE_URL = pgUrl;
  await benchOne('postgres');
}
if (process.env.BENCH_CHECKINS !== '0') await benchCheckins();
if (process.env.BENCH_POINTS !== '0') await benchPoints();
if (process.env.BENCH_DISPATCH !== '0') await benchDispatch();
if (process.env.BENCH_COVERAGE !== '0') await benchCoverage();
