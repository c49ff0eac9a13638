/**
 * Large-data mode: do the paths that a district leans on stay flat as the data grows?
 *
 *   DATABASE_URL=postgres://… BENCH_VOLUNTEERS=100000 npm run bench:large
 *
 * Fills a scratch PostgreSQL database (leifeng_bench_large) with the demo district plus
 * BENCH_VOLUNTEERS synthetic volunteers (default 100,000; 1,000,000 for the full check), with
 * teams (one per 50), memberships, audit rows and notifications in proportion, generated inside
 * PostgreSQL (INSERT … SELECT generate_series, faster than COPY from here). Then it starts the
 * product in its own process and times each path over one connection (20 requests after 3
 * warm-ups): p50 and p95 in milliseconds, beside `GET /api/health` as the same run's reference (on a
 * busy machine every figure grows; the ratio to the reference does not).
 *
 * BENCH_LARGE_REUSE=1 times an earlier fill again without refilling it (the fill of 1M takes
 * 4–15 minutes): the scratch data is sealed with a fixed PII key for that reason.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD, seedDemo } from '../src/server/demo/seed-demo.js';
import { loadConfig } from '../src/server/platform/config.js';
import { connectPostgres } from '../src/server/platform/db.js';
import { migrateDatabase } from '../src/server/platform/migrate.js';
import { fillVolunteers } from '../test/bulk.js';
import { scratchPostgres, signIn, startServer } from './harness.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('The large-data mode runs on PostgreSQL: set DATABASE_URL');
const volunteers = Number(process.env.BENCH_VOLUNTEERS ?? 100_000);
/** Scratch data only: fixed so that BENCH_LARGE_REUSE can open a fill made by an earlier run. */
const PII_KEY = Buffer.alloc(32, 7).toString('base64');
const NAME = 'leifeng_bench_large';

let url: string;
const reuse = process.env.BENCH_LARGE_REUSE === '1';
if (reuse) {
  const target = new URL(base);
  target.pathname = `/${NAME}`;
  url = target.toString();
} else {
  url = await scratchPostgres(base, NAME);
  const database = connectPostgres(url, 2);
  await migrateDatabase(database);
  const config = loadConfig({ NODE_ENV: 'test', PII_KEY });
  await seedDemo(database.db, config);
  const started = Date.now();
  const STEP = 100_000;
  for (let from = 0; from < volunteers; from += STEP) {
    await fillVolunteers(database.db, config, Math.min(STEP, volunteers - from), { from, related: true });
    process.stdout.write(`\rfilled ${Math.min(from + STEP, volunteers)} volunteers`);
  }
  await database.db.execute(sql`analyze`);
  console.log(`\nfilled and analysed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await database.close();
}

const product = await startServer('product', { DATABASE_URL: url, PII_KEY });
const centre = await signIn(product.url, '13800000001', DEMO_PASSWORD);
const keeper = await signIn(product.url, '13800000003', DEMO_PASSWORD);

async function time(name: string, path: string, cookie: string, expectStatus = 200) {
  const samples: number[] = [];
  const headers = { cookie: cookie.replace(/^Cookie: /, '') };
  for (let i = 0; i < 23; i++) {
    const t0 = performance.now();
    const res = await fetch(`${product.url}${path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== expectStatus) throw new Error(`${path}: ${res.status}`);
    if (i >= 3) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] as number;
  console.log(`| ${name} | ${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)} |`);
}

console.log(
  `\n${reuse ? 'an earlier fill of' : volunteers} synthetic volunteers (+ demo), PostgreSQL, one connection, load average ${loadavg()[0]?.toFixed(1)}\n`,
);
console.log('| path | p50 ms | p95 ms |');
console.log('|---|---|---|');
await time('GET /api/health (reference: one trivial query)', '/api/health', centre);
await time('GET /api/v1/me', '/api/v1/me', centre);
await time('name search q=张伟 (district)', `/api/v1/volunteers?q=${encodeURIComponent('张伟')}`, centre);
await time('name search q=张 (surname)', `/api/v1/volunteers?q=${encodeURIComponent('张')}`, centre);
await time('number search q=HC1900001', '/api/v1/volunteers?q=HC1900001', centre);
await time('volunteers, keyset page (district)', '/api/v1/volunteers?limit=20', centre);
await time('volunteers, small scope (one community)', '/api/v1/volunteers?limit=20', keeper);
await time('organisations directory', '/api/v1/organisations?limit=20', centre);
await time('audit log, small scope', '/api/v1/audit-log?limit=20', keeper);
await time('my notifications', '/api/v1/me/notifications?limit=20', centre);
if (reuse || volunteers + 10 > 100_000)
  await time('refused export (> 100,000 rows)', '/api/v1/volunteers/export', centre, 400);
await product.stop();
