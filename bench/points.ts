/**
 * Points and the pioneer store (积分兑换先锋超市): earn-and-redeem throughput against the one-row insert
 * baseline of the same run (ratios, not absolute times; the machine is shared).
 *
 * - Earning: the earning job (`runPointsEarning`, as the durable job runner calls it) credits a batch of
 *   confirmed hours (synthetic activities whose records are turned into real ones, so the job takes them);
 *   credits (claimed sources) per second. The job runs in this process, on the database alone.
 * - Redeeming: `POST /api/v1/store/redemptions` against the product server in its own process, wrk in
 *   another, every request with an Idempotency-Key; every other request is a retry of a key answered
 *   200 requests earlier, which must answer the same redemption without posting again.
 * - Afterwards, on the database: the ledger sums to zero, no points balance is negative, stock is the
 *   sum of its movements, every acknowledged redemption exists and was held on the ledger exactly
 *   once, and the volunteer's balance is what they were given less what they redeemed.
 *
 *   npx tsx bench/points.ts     (also part of npm run bench; BENCH_POINTS=0 skips it there)
 *
 * DATABASE_URL / BENCH_DB choose the databases as in bench/run.ts (scratch database leifeng_bench_points).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { DEMO_DISTRICT, DEMO_PASSWORD } from '../src/server/demo/seed-demo.js';
import { seedDemoActivities } from '../src/server/demo/seed-demo-activities.js';
import { creditPoints, pointsBalance, runPointsEarning } from '../src/server/modules/points/index.js';
import { connectPostgres, type Database, openPglite } from '../src/server/platform/db.js';
import {
  CONNECTIONS,
  DURATION,
  ensureWrk,
  prepareBenchDatabase,
  type Result,
  scratchPostgres,
  signInForWrites,
  startServer,
  wrk,
} from './harness.js';

const PII_KEY = randomBytes(32).toString('base64');
const VOLUNTEER = '13800000005';
/** No per-person limit: one volunteer can redeem it as often as the bench asks. */
const GOODS = '雨伞';
const GIVEN = 1_000_000_000;
const STOCK = 1_000_000;
const EARN_SCALE = { activities: Number(process.env.BENCH_POINTS_ACTIVITIES ?? 6), volunteers: 120 };

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(q: Promise<unknown>) => ((await q) as Rows<T>).rows;

/** wrk script: a fresh key on odd requests, on even ones (after the first 200) the key sent 200 requests before. */
const SCRIPT = `
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  out = io.open(args[1] .. "/acked-" .. tid .. ".txt", "w")
  out:setvbuf("line")
  n = 0
end
function request()
  n = n + 1
  local k = n
  if n % 2 == 0 and n > 200 then k = n - 201 end
  wrk.headers["Idempotency-Key"] = "bench-" .. run .. "-" .. tid .. "-" .. k
  return wrk.format()
end
function response(status, headers, body)
  out:write(status .. " " .. (string.match(body, '"id":"([%x-]+)"') or "-") .. "\\n")
end
`;

interface Redeemed extends Result {
  statuses: Map<string, number>;
  acked: Set<string>;
}

async function redeemUnderLoad(url: string, goodsId: string, run: string, seconds: string): Promise<Redeemed> {
  const dir = mkdtempSync(join(tmpdir(), 'leifeng-wrk-points-'));
  const script = join(dir, 'redeem.lua');
  const { cookies, token } = await signInForWrites(url, VOLUNTEER, DEMO_PASSWORD);
  writeFileSync(
    script,
    `run = "${run}"\nwrk.method = "POST"\nwrk.body = '${JSON.stringify({ goodsId, quantity: 1 })}'\n` +
      `wrk.headers["Content-Type"] = "application/json"\nwrk.headers["Cookie"] = "${cookies}"\n` +
      `wrk.headers["X-CSRF-Token"] = "${token}"\n${SCRIPT}`,
  );
  const { stdout } = await promisify(execFile)(
    'wrk',
    [
      '-t2',
      `-c${CONNECTIONS}`,
      `-d${seconds}s`,
      '--timeout',
      '30s',
      '--latency',
      '-s',
      script,
      `${url}/api/v1/store/redemptions`,
      '--',
      dir,
    ],
    { encoding: 'utf8' },
  );
  const statuses = new Map<string, number>();
  const acked = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.startsWith('acked-'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean)) {
      const [status = '', id = '-'] = line.split(' ');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status.startsWith('2') && id !== '-') acked.add(id);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const ms = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(stdout);
    return m ? Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 }[m[2] as 'ms'] ?? 1) : Number.NaN;
  };
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]), p50: ms('50'), p99: ms('99'), statuses, acked };
}

/** The earning job over confirmed hours it has not met: answers credits (claimed sources) and seconds. */
async function earn(db: Database['db']): Promise<{ sources: number; postings: number; seconds: number }> {
  await seedDemoActivities(db, DEMO_DISTRICT, new Date(), EARN_SCALE);
  await db.execute(sql`update service_records set synthetic = false where synthetic`);
  await db.execute(sql`analyze`);
  const [before] = await rowsOf<{ n: number }>(db.execute(sql`select count(*)::int as n from ledger_transactions`));
  const started = performance.now();
  let sources = 0;
  for (;;) {
    const handled = await runPointsEarning(db);
    sources += handled;
    if (handled === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const [after] = await rowsOf<{ n: number }>(db.execute(sql`select count(*)::int as n from ledger_transactions`));
  return { sources, postings: (after?.n ?? 0) - (before?.n ?? 0), seconds };
}

/** Gives the volunteer plenty of points and the goods plenty of stock (a restock movement), for the load. */
async function stockUp(db: Database['db']): Promise<{ userId: string; goodsId: string; start: number }> {
  const [who] = await rowsOf<{ id: string }>(db.execute(sql`select id from users where phone = ${VOLUNTEER}`));
  const [goods] = await rowsOf<{ id: string; site_id: string }>(
    db.execute(sql`select id, site_id from store_goods where tenant_id = ${DEMO_DISTRICT} and name = ${GOODS}`),
  );
  if (!who || !goods) throw new Error(`the demo has no volunteer ${VOLUNTEER} or goods ${GOODS}`);
  await db.transaction(async (tx) => {
    await creditPoints(tx, DEMO_DISTRICT, who.id, GIVEN, {
      kind: 'points.adjust.award',
      memo: '基准测试（合成）',
      source: null,
      idempotencyKey: 'bench.points.given',
    });
    const [row] = await rowsOf<{ stock: number }>(
      tx.execute(
        sql`update store_goods set stock = stock + ${STOCK} where tenant_id = ${DEMO_DISTRICT} and id = ${goods.id} returning stock`,
      ),
    );
    await tx.execute(sql`
      insert into store_stock_movements (tenant_id, goods_id, site_id, kind, delta, stock_after, note)
      values (${DEMO_DISTRICT}, ${goods.id}, ${goods.site_id}, 'restock', ${STOCK}, ${row?.stock ?? 0}, '基准测试（合成）')`);
  });
  return { userId: who.id, goodsId: goods.id, start: await pointsBalance(db, DEMO_DISTRICT, who.id) };
}

/** The invariants after the load; throws when one fails. Answers the redemptions the bench made. */
async function verify(
  db: Database['db'],
  userId: string,
  start: number,
  acked: Set<string>,
  run: string,
): Promise<number> {
  const problems: string[] = [];
  const [sum] = await rowsOf<{ total: string }>(
    db.execute(sql`select coalesce(sum(amount), 0)::text as total from ledger_entries`),
  );
  if (Number(sum?.total) !== 0) problems.push(`the ledger sums to ${sum?.total}`);
  const [negative] = await rowsOf<{ n: number }>(
    db.execute(sql`select count(*)::int as n from ledger_accounts where kind = 'points.volunteer' and balance < 0`),
  );
  if (negative?.n) problems.push(`${negative.n} negative points balances`);
  const [stock] = await rowsOf<{ n: number }>(
    db.execute(sql`
      select count(*)::int as n from store_goods g
       where g.stock <> (select coalesce(sum(delta), 0) from store_stock_movements m
                          where m.tenant_id = g.tenant_id and m.goods_id = g.id) or g.stock < 0`),
  );
  if (stock?.n) problems.push(`${stock.n} goods whose stock is not the sum of their movements`);
  const made = await rowsOf<{ id: string; points: number; holds: number; measured: boolean }>(
    db.execute(sql`
      select r.id, r.points, r.request_key like ${`%:bench-${run}-%`} as measured,
             (select count(*)::int from ledger_transactions t
               where t.tenant_id = r.tenant_id and t.kind = 'points.redeem.hold'
                 and t.source_type = 'store_redemption' and t.source_id = r.id::text) as holds
        from store_redemptions r
       where r.user_id = ${userId} and r.request_key like ${`%:bench-${run}%`}`),
  );
  const ids = new Set(made.map((r) => r.id));
  const missing = [...acked].filter((id) => !ids.has(id));
  if (missing.length) problems.push(`${missing.length} acknowledged redemptions missing, e.g. ${missing[0]}`);
  const badHolds = made.filter((r) => r.holds !== 1);
  if (badHolds.length) problems.push(`${badHolds.length} redemptions not held exactly once`);
  const spent = made.reduce((s, r) => s + r.points, 0);
  const balance = await pointsBalance(db, DEMO_DISTRICT, userId);
  if (balance !== start - spent) problems.push(`balance ${balance}, expected ${start} - ${spent}`);
  if (problems.length) throw new Error(`points bench: invariants broken: ${problems.join('; ')}`);
  return made.filter((r) => r.measured).length;
}

async function benchPointsOn(kind: 'pglite' | 'postgres'): Promise<void> {
  let open: () => Promise<Database>;
  let env: Record<string, string>;
  let cleanup = () => {};
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'leifeng-bench-points-'));
    open = () => openPglite(dir);
    env = { DATA_DIR: dir, PII_KEY };
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = await scratchPostgres(process.env.DATABASE_URL as string, 'leifeng_bench_points');
    open = async () => connectPostgres(url, 2);
    env = { DATABASE_URL: url, PII_KEY };
  }
  const pgUrl = process.env.DATABASE_URL;
  if (kind === 'pglite') delete process.env.DATABASE_URL;
  try {
    const baselineUserId = await prepareBenchDatabase(await open(), PII_KEY);
    let database = await open();
    const earned = await earn(database.db);
    const { userId, goodsId, start } = await stockUp(database.db);
    await database.close();

    console.log(`\n## Points (${kind}): wrk -t2 -c${CONNECTIONS} -d${DURATION}s, each server in its own process\n`);
    const run = randomBytes(4).toString('hex');
    const product = await startServer('product', env);
    await redeemUnderLoad(product.url, goodsId, `${run}w`, '2'); // warm-up: JIT, caches, pools
    const redeemed = await product.profile(`${kind}-points-redeem`, () =>
      redeemUnderLoad(product.url, goodsId, run, DURATION),
    );
    await product.stop();

    const baseline = await startServer('baseline', { ...env, BENCH_USER_ID: baselineUserId });
    await wrk(`${baseline.url}/insert`, { post: true, seconds: '2' });
    const insert = await wrk(`${baseline.url}/insert`, { post: true });
    await baseline.stop();

    database = await open();
    const codes = [...redeemed.statuses].map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(`responses ${codes}; ${redeemed.acked.size} acknowledged`);
    let failed: unknown = null;
    const made = await verify(database.db, userId, start, redeemed.acked, run).catch((err) => {
      failed = err;
      return 0;
    });
    await database.close();

    const perSecond = redeemed.acked.size / Number(DURATION);
    const credits = earned.sources / earned.seconds;
    console.log(`| measure | per second | × insert baseline | p50 ms | p99 ms |`);
    console.log('|---|---|---|---|---|');
    console.log(
      `| baseline: Fastify + one-row insert (req/s) | ${insert.rps.toFixed(0)} | 1.00 | ${insert.p50.toFixed(1)} | ${insert.p99.toFixed(1)} |`,
    );
    console.log(
      `| POST /store/redemptions, half of them retries (req/s) | ${redeemed.rps.toFixed(0)} | ${(redeemed.rps / insert.rps).toFixed(2)} | ${redeemed.p50.toFixed(1)} | ${redeemed.p99.toFixed(1)} |`,
    );
    console.log(
      `| redemptions acknowledged (new, distinct) | ${perSecond.toFixed(0)} | ${(perSecond / insert.rps).toFixed(2)} | | |`,
    );
    console.log(
      `| earning job: credits (${earned.sources} confirmations, ${earned.postings} postings in ${earned.seconds.toFixed(1)} s) | ${credits.toFixed(0)} | ${(credits / insert.rps).toFixed(2)} | | |`,
    );
    if (failed) throw failed;
    console.log(
      `\n${made} redemptions made; ledger sums to 0, no negative balance, ` +
        'stock = its movements, each acknowledged redemption held once, balance = given − redeemed: verified',
    );
  } finally {
    if (pgUrl) process.env.DATABASE_URL = pgUrl;
    cleanup();
  }
}

export async function benchPoints(): Promise<void> {
  ensureWrk();
  const only = process.env.BENCH_DB;
  if (only !== 'postgres') await benchPointsOn('pglite');
  if (process.env.DATABASE_URL && only !== 'pglite') await benchPointsOn('postgres');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPoints();
