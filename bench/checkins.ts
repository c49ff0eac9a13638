/**
 * A burst of 10,000 concurrent check-ins (签到) at one occurrence, against a burst of one-row inserts on the
 * baseline server in the same run (the same client, the same number of connections, the same database).
 *
 * 10,000 volunteers hold a confirmed seat on one occurrence at 大世界雷锋岗; every one scans the screen's QR
 * code (the token display mode shows at that moment, signed with the server's key) from inside the
 * geofence. Retried scans ride along: 500 volunteers' scans are sent twice at once with the same
 * Idempotency-Key, 500 more are scanned a second time without one. All requests are issued at once; the
 * client holds BENCH_CONNECTIONS (default 50) keep-alive connections, as wrk does. Afterwards the attendance
 * rows are counted: every volunteer exactly once (zero lost, zero doubled), and every retry answered with
 * the first scan's row.
 *
 *   npx tsx bench/checkins.ts      (also part of npm run bench; BENCH_CHECKINS=0 skips it there)
 *
 * BENCH_CHECKINS_COUNT (default 10000) sets the number of volunteers. With DATABASE_URL it runs on PGlite,
 * then PostgreSQL (scratch database leifeng_bench_checkins); BENCH_DB=pglite|postgres runs one only.
 * BENCH_PROFILE=<dir> writes a CPU profile of the product server during the burst (bench/profile.ts reads it).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { and, count, countDistinct, eq, sql } from 'drizzle-orm';
import { DEMO_PASSWORD, seedDemo } from '../src/server/demo/seed-demo.js';
import { createSession, createUsersWithoutPassword, users } from '../src/server/modules/accounts/index.js';
import {
  activityAttendance,
  activitySessions,
  activitySignups,
  checkinKeyFor,
  signToken,
} from '../src/server/modules/activities/index.js';
import { organisations } from '../src/server/modules/organisations/index.js';
import { loadConfig } from '../src/server/platform/config.js';
import { connectPostgres, type Database, openPglite } from '../src/server/platform/db.js';
import { migrateDatabase } from '../src/server/platform/migrate.js';
import { analyzeDatabase } from '../src/server/platform/planner-statistics.js';
import { mulberry32 } from './dispatch-instance.js';
import { CONNECTIONS, scratchPostgres, signInForWrites, startServer } from './harness.js';

const PG_URL = process.env.DATABASE_URL;
const VOLUNTEERS = Number(process.env.BENCH_CHECKINS_COUNT ?? 10_000);
const SAME_KEY_RETRIES = Math.round(VOLUNTEERS * 0.05);
const REPEATED_SCANS = Math.round(VOLUNTEERS * 0.05);
const TENANT = '371002';
/** 大世界雷锋岗, as the phone reports it. */
const AT_SITE = { lng: 122.1226, lat: 37.5118, accuracyM: 20 };
const PII_KEY = randomBytes(32).toString('base64');

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/**
 * One HTTP request through the shared keep-alive agent (the burst queues on its sockets). The body is made when
 * a socket takes the request: a phone scans the screen as it sends, not when it joined the queue.
 */
function send(agent: Agent, url: string, method: string, headers: Record<string, string>, body?: () => string) {
  return new Promise<Answer>((resolve, reject) => {
    const start = performance.now();
    const req = request(url, { agent, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - start,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.once('socket', () => req.end(body()));
    else req.end();
  });
}

interface Burst {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Map<number, number>;
}

/** Issues every request at once and waits for all; a 409 "still in progress" (a same-key twin running) is sent again. */
async function burst(jobs: (() => Promise<Answer>)[], onAnswer: (i: number, a: Answer) => void): Promise<Burst> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const start = performance.now();
  await Promise.all(
    jobs.map(async (job, i) => {
      let answer = await job();
      for (
        let tries = 0;
        answer.status === 409 && answer.body.includes('IDEMPOTENCY_IN_PROGRESS') && tries < 20;
        tries++
      )
        answer = await job();
      times.push(answer.ms);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      onAnswer(i, answer);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? Number.NaN;
  return { requests: jobs.length, seconds, rps: jobs.length / seconds, p50: q(0.5), p99: q(0.99), statuses };
}

function shuffle<T>(items: T[], seed: number): T[] {
  const next = mulberry32(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

interface Fixture {
  env: Record<string, string>;
  open: () => Promise<Database>;
  cleanup: () => void;
}

async function fixture(kind: 'pglite' | 'postgres'): Promise<Fixture> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'leifeng-bench-checkins-'));
    return {
      env: { DATA_DIR: dir, PII_KEY },
      open: () => openPglite(dir),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = await scratchPostgres(PG_URL as string, 'leifeng_bench_checkins');
  return { env: { DATABASE_URL: url, PII_KEY }, open: async () => connectPostgres(url, 4), cleanup: () => {} };
}

/** The demo district plus VOLUNTEERS accounts, each with a session; answers their ids, session cookies and the team. */
async function seedVolunteers(database: Database): Promise<{ ids: string[]; cookies: string[]; teamId: string }> {
  await migrateDatabase(database);
  await seedDemo(database.db, loadConfig({ NODE_ENV: 'test', PII_KEY }));
  const ids: string[] = [];
  const cookies: string[] = [];
  for (let from = 0; from < VOLUNTEERS; from += 1000) {
    const people = Array.from({ length: Math.min(1000, VOLUNTEERS - from) }, (_, k) => ({
      phone: `166${String(from + k).padStart(8, '0')}`,
      displayName: `压测志愿者${from + k + 1}（合成）`,
    }));
    const created = await createUsersWithoutPassword(database.db, TENANT, people);
    for (const { id } of created) {
      const { cookie } = await createSession(database.db, {
        tenantId: TENANT,
        userId: id,
        ttlHours: 24,
        ip: null,
        userAgent: 'bench/checkins',
      });
      ids.push(id);
      cookies.push(`lf_session=${cookie}`);
    }
  }
  const [team] = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '鲸园蓝志愿服务队'));
  await database.close();
  return { ids, cookies, teamId: team?.id as string };
}

/** The keeper publishes a one-off 蓝色周六 occurrence starting in 20 minutes (check-in is open) with a seat for everyone. */
async function publishOccurrence(appUrl: string, teamId: string): Promise<{ sessionId: string; activityId: string }> {
  const keeper = await signInForWrites(appUrl, '13800000003', DEMO_PASSWORD);
  const headers = { 'content-type': 'application/json', 'x-csrf-token': keeper.token, cookie: keeper.cookies };
  const sites = (await (await fetch(`${appUrl}/api/v1/public/sites/map`)).json()) as {
    items: { id: string; name: string }[];
  };
  const startsAt = new Date(Date.now() + 20 * 60_000);
  const created = await fetch(`${appUrl}/api/v1/activities`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: '签到压测（合成）',
      categoryCode: 'environment',
      organisationId: teamId,
      series: '蓝色周六',
      siteId: sites.items.find((s) => s.name === '大世界雷锋岗')?.id,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      quota: VOLUNTEERS,
    }),
  });
  if (created.status !== 201)
    throw new Error(`creating the activity failed: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const published = await fetch(`${appUrl}/api/v1/activities/${id}/publish`, {
    method: 'POST',
    headers: { 'x-csrf-token': keeper.token, cookie: keeper.cookies },
  });
  if (published.status !== 200) throw new Error(`publishing failed: ${published.status} ${await published.text()}`);
  const { sessions } = (await published.json()) as { sessions: { id: string }[] };
  return { sessionId: sessions[0]?.id as string, activityId: id };
}

/** Everyone's confirmed seat, written directly (the sign-up path is not what is measured). */
async function seatEveryone(database: Database, sessionId: string, activityId: string, ids: string[]) {
  const now = new Date();
  for (let from = 0; from < ids.length; from += 1000) {
    await database.db.insert(activitySignups).values(
      ids.slice(from, from + 1000).map((userId) => ({
        tenantId: TENANT,
        sessionId,
        activityId,
        userId,
        state: 'confirmed' as const,
        queuedAt: now,
        decidedAt: now,
      })),
    );
  }
  await database.db
    .update(activitySessions)
    .set({ taken: ids.length })
    .where(and(eq(activitySessions.tenantId, TENANT), eq(activitySessions.id, sessionId)));
  await analyzeDatabase(database.db);
}

async function checkinsOn(kind: 'pglite' | 'postgres'): Promise<void> {
  const f = await fixture(kind);
  // PGlite: the server may open the data folder only while this process has let go of it.
  const { ids, cookies, teamId } = await seedVolunteers(await f.open());
  console.error(`checkins (${kind}): ${ids.length} volunteers seeded`);
  let product = await startServer('product', f.env);
  const { sessionId, activityId } = await publishOccurrence(product.url, teamId).finally(() => product.stop());
  const seating = await f.open();
  await seatEveryone(seating, sessionId, activityId, ids);
  await seating.close();

  console.error(`checkins (${kind}): occurrence published, seats taken; the burst`);
  product = await startServer('product', f.env);
  const csrf = await fetch(`${product.url}/api/v1/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { token: csrfToken } = (await csrf.json()) as { token: string };
  // The screen (display mode) shows the token of this moment; its code is the server's (the same key), so the
  // burst does not wait on a screen refresh through the busy server. The keeper's screen is asked once, as a check.
  const keeper = await signInForWrites(product.url, '13800000003', DEMO_PASSWORD);
  const display = await fetch(`${product.url}/api/v1/activity-sessions/${sessionId}/checkin-code`, {
    headers: { cookie: keeper.cookies },
  });
  if (display.status !== 200) throw new Error(`display mode: ${display.status} ${await display.text()}`);
  const key = checkinKeyFor(loadConfig({ NODE_ENV: 'test', PII_KEY }));
  const qr = () => signToken(key, sessionId, new Date());

  // Each scan: the volunteer, and the Idempotency-Key its phone sends (a same-key retry repeats it; a repeated scan is a new key).
  const keys = ids.map(() => randomUUID());
  const scans: { volunteer: number; key: string; retry: 'none' | 'same-key' | 'repeated' }[] = ids.map((_, v) => ({
    volunteer: v,
    key: keys[v] as string,
    retry: 'none',
  }));
  for (let v = 0; v < SAME_KEY_RETRIES; v++) scans.push({ volunteer: v, key: keys[v] as string, retry: 'same-key' });
  for (let v = SAME_KEY_RETRIES; v < SAME_KEY_RETRIES + REPEATED_SCANS; v++)
    scans.push({ volunteer: v, key: randomUUID(), retry: 'repeated' });
  shuffle(scans, 10);

  const agent = new Agent({ keepAlive: true, maxSockets: Number(CONNECTIONS) });
  const bodies: (string | undefined)[] = [];
  const attendanceOf = new Map<number, Set<string>>();
  const failures: string[] = [];
  const jobs = scans.map(
    (scan) => () =>
      send(
        agent,
        `${product.url}/api/v1/activity-checkins`,
        'POST',
        {
          'content-type': 'application/json',
          'x-csrf-token': csrfToken,
          'idempotency-key': scan.key,
          cookie: [cookies[scan.volunteer], ...csrfCookie].join('; '),
        },
        // A same-key retry resends its first body; a repeated scan reads the screen again.
        () => {
          if (scan.retry === 'repeated') return JSON.stringify({ token: qr(), position: AT_SITE });
          bodies[scan.volunteer] ??= JSON.stringify({ token: qr(), position: AT_SITE });
          return bodies[scan.volunteer] as string;
        },
      ),
  );
  const checkins = await product.profile(`checkins-${VOLUNTEERS}`, () =>
    burst(jobs, (i, answer) => {
      const scan = scans[i] as (typeof scans)[number];
      if (answer.status !== 200) {
        if (failures.length < 5) failures.push(`${answer.status} ${answer.body.slice(0, 200)}`);
        return;
      }
      const id = (JSON.parse(answer.body) as { attendance: { id: string } }).attendance.id;
      const seen = attendanceOf.get(scan.volunteer) ?? new Set<string>();
      seen.add(id);
      attendanceOf.set(scan.volunteer, seen);
    }),
  );
  agent.destroy();
  await product.stop();

  const counting = await f.open();
  const [rows] = await counting.db
    .select({ total: count(), people: countDistinct(activityAttendance.userId) })
    .from(activityAttendance)
    .where(and(eq(activityAttendance.tenantId, TENANT), eq(activityAttendance.sessionId, sessionId)));
  const present = await counting.db
    .select({ userId: activityAttendance.userId })
    .from(activityAttendance)
    .where(and(eq(activityAttendance.tenantId, TENANT), eq(activityAttendance.sessionId, sessionId)));
  const [someone] = await counting.db.select({ id: users.id }).from(users).where(eq(users.phone, '13800000005'));
  await counting.close();
  const presentIds = new Set(present.map((r) => r.userId));
  const lost = ids.filter((id) => !presentIds.has(id)).length;
  const doubled = (rows?.total ?? 0) - (rows?.people ?? 0);
  const answeredTwoRows = [...attendanceOf.values()].filter((s) => s.size > 1).length;

  // The baseline: the same burst size of one-row inserts, same client, same connections, same database.
  const baseline = await startServer('baseline', { ...f.env, BENCH_USER_ID: someone?.id as string });
  const baseAgent = new Agent({ keepAlive: true, maxSockets: Number(CONNECTIONS) });
  const inserts = await burst(
    scans.map(() => () => send(baseAgent, `${baseline.url}/insert`, 'POST', { 'content-length': '0' })),
    () => {},
  );
  baseAgent.destroy();
  await baseline.stop();
  const counted = await f.open();
  const insertedRows = Number(
    ((await counted.db.execute(sql`select count(*)::int as n from bench_rows`)) as unknown as { rows: { n: number }[] })
      .rows[0]?.n ?? 0,
  );
  await counted.close();
  f.cleanup();

  const tally = (b: Burst) => [...b.statuses].map(([s, n]) => `${n}×${s}`).join(' ');
  console.log(
    `\n## ${kind}: burst of ${VOLUNTEERS} check-ins (+ ${SAME_KEY_RETRIES} same-key retries, + ${REPEATED_SCANS} repeated scans), ${CONNECTIONS} connections\n`,
  );
  console.log(
    '| burst | requests | seconds | req/s | × insert baseline | p50 ms | p99 ms | answers | rows afterwards |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  const row = (name: string, b: Burst, rowsAfter: string) =>
    console.log(
      `| ${name} | ${b.requests} | ${b.seconds.toFixed(1)} | ${b.rps.toFixed(0)} | ${(b.rps / inserts.rps).toFixed(2)} | ${b.p50.toFixed(0)} | ${b.p99.toFixed(0)} | ${tally(b)} | ${rowsAfter} |`,
    );
  row('POST /api/v1/activity-checkins (QR token, geofence)', checkins, `${rows?.total} attendance`);
  row('baseline: Fastify + one-row insert', inserts, `${insertedRows} bench_rows`);
  const ok = lost === 0 && doubled === 0 && answeredTwoRows === 0 && checkins.statuses.get(200) === scans.length;
  console.log(
    `\nlost ${lost}, doubled ${doubled}, retries answered with another row ${answeredTwoRows}, baseline rows lost ${scans.length - insertedRows}: ${ok ? 'ok' : 'FAILED'}`,
  );
  if (failures.length) console.log(`first failures:\n${failures.join('\n')}`);
  if (!ok) process.exitCode = 1;
}

export async function benchCheckins(): Promise<void> {
  const only = process.env.BENCH_DB;
  if (only !== 'postgres') {
    delete process.env.DATABASE_URL; // the servers' environment: PGlite
    await checkinsOn('pglite');
  }
  if (PG_URL && only !== 'pglite') {
    process.env.DATABASE_URL = PG_URL;
    await checkinsOn('postgres');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchCheckins();
