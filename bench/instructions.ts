/**
 * Instructions per request: the cost of each path counted by valgrind (callgrind) inside the server
 * process, against the bare baselines counted the same way. Unlike req/s on a shared machine, an
 * instruction count does not move when other programs take the CPU, so a change can be compared
 * before and after on a busy day. It leaves out what the kernel and a separate PostgreSQL server do;
 * on PGlite the database runs inside the server process and is counted.
 *
 *   npm run bench:instructions                                   # PGlite
 *   BENCH_DB=postgres DATABASE_URL=… npm run bench:instructions  # PostgreSQL (the app's side only)
 *   BENCH_BEFORE=<another checkout> …                            # that tree's product too, first
 *
 * BENCH_REQUESTS (default 300) requests are counted per path, after 100 uncounted ones (JIT, caches);
 * 4 at a time over keep-alive connections. Needs valgrind.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo.js';
import { connectPostgres, openPglite } from '../src/server/platform/db.js';
import { placeOrders, prepareBenchDatabase, scratchPostgres, signIn, startServer } from './harness.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARM_UP = 100;
const PII_KEY = randomBytes(32).toString('base64');

async function drive(url: string, count: number, headers: Record<string, string>, post = false) {
  let next = 0;
  const worker = async () => {
    while (next++ < count) {
      const res = await fetch(url, { method: post ? 'POST' : 'GET', headers });
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`${url}: ${res.status}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

function callgrind(pid: number, command: string[]) {
  execFileSync('callgrind_control', [...command, String(pid)], { stdio: 'ignore' });
}

/** Total instructions of the newest dump written by `pid` into `dir`. */
function lastDump(dir: string, pid: number): number {
  const dumps = readdirSync(dir)
    .filter((f) => f.startsWith(`cg.${pid}.`))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
  const text = readFileSync(join(dir, dumps.at(-1) as string), 'utf8');
  return Number(/^totals: (\d+)/m.exec(text)?.[1]);
}

async function main() {
  const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
  let env: Record<string, string>;
  let userId: string;
  let cleanup = () => {};
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'leifeng-bench-'));
    userId = await prepareBenchDatabase(await openPglite(dir), PII_KEY);
    env = { DATA_DIR: dir, PII_KEY };
    delete process.env.DATABASE_URL;
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = await scratchPostgres(process.env.DATABASE_URL as string, 'leifeng_bench');
    userId = await prepareBenchDatabase(connectPostgres(url, 2), PII_KEY);
    env = { DATABASE_URL: url, PII_KEY };
  }
  const dumps = mkdtempSync(join(tmpdir(), 'leifeng-callgrind-'));
  const valgrind = ['valgrind', '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${dumps}/cg.%p`];
  const rows: [string, number][] = [];
  const count = async (server: { pid: number }, name: string, url: string, headers = {}, post = false) => {
    await drive(url, WARM_UP, headers, post);
    callgrind(server.pid, ['-i', 'on']);
    callgrind(server.pid, ['-z']);
    await drive(url, REQUESTS, headers, post);
    callgrind(server.pid, ['-d']);
    callgrind(server.pid, ['-i', 'off']);
    const perRequest = lastDump(dumps, server.pid) / REQUESTS;
    rows.push([name, perRequest]);
    console.log(`${name.padEnd(64)} ${(perRequest / 1e6).toFixed(2).padStart(8)} M instructions / request`);
  };

  console.log(`\n## ${kind}: instructions per request in the server process (callgrind, ${REQUESTS} requests)\n`);
  const before = process.env.BENCH_BEFORE;
  let sessions: Record<'institute' | 'keeper' | 'resident', Record<string, string>> | null = null;
  for (const root of before ? [before, null] : [null]) {
    const product = await startServer('product', env, root ?? undefined, valgrind);
    const prefix = root ? 'before: ' : '';
    if (!sessions) {
      await placeOrders(product.url, '13800000006', DEMO_PASSWORD, 30);
      const cookie = async (phone: string) => ({
        cookie: (await signIn(product.url, phone, DEMO_PASSWORD)).replace(/^Cookie: /, ''),
      });
      sessions = {
        institute: await cookie('13800000002'),
        keeper: await cookie('13800000003'),
        resident: await cookie('13800000006'),
      };
    }
    const u = product.url;
    await count(product, `${prefix}GET /api/health`, `${u}/api/health`);
    await count(product, `${prefix}GET /api/v1/public/sites?limit=20`, `${u}/api/v1/public/sites?limit=20`);
    await count(product, `${prefix}GET /api/v1/me`, `${u}/api/v1/me`, sessions.institute);
    await count(
      product,
      `${prefix}GET /api/v1/sites?limit=20 (institute)`,
      `${u}/api/v1/sites?limit=20`,
      sessions.institute,
    );
    await count(
      product,
      `${prefix}GET /api/v1/volunteers?limit=20 (keeper)`,
      `${u}/api/v1/volunteers?limit=20`,
      sessions.keeper,
    );
    await count(
      product,
      `${prefix}GET /api/v1/orders/mine?limit=20`,
      `${u}/api/v1/orders/mine?limit=20`,
      sessions.resident,
    );
    await product.stop();
  }
  const baseline = await startServer('baseline', { ...env, BENCH_USER_ID: userId }, undefined, valgrind);
  await count(baseline, 'baseline: Fastify hello', `${baseline.url}/hello`);
  await count(baseline, 'baseline: Fastify + primary-key select', `${baseline.url}/pk`);
  await count(baseline, 'baseline: Fastify + one-row insert', `${baseline.url}/insert`, {}, true);
  await baseline.stop();
  cleanup();
  rmSync(dumps, { recursive: true, force: true });

  const pk = rows.find(([name]) => name.includes('primary-key'))?.[1] as number;
  console.log('\n| path | M instructions / request | PK baseline ÷ path (higher is better) |');
  console.log('|---|---|---|');
  for (const [name, n] of rows) console.log(`| ${name} | ${(n / 1e6).toFixed(2)} | ${(pk / n).toFixed(2)} |`);
}

await main();
