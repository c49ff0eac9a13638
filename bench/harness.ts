/** What bench/run.ts and bench/large-data.ts share: scratch databases, server processes, wrk. */
import { type ChildProcess, execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { users } from '../src/server/modules/accounts/index.js';
import { loadConfig } from '../src/server/platform/config.js';
import type { Database } from '../src/server/platform/db.js';
import { migrateDatabase } from '../src/server/platform/migrate.js';
import { analyzeDatabase } from '../src/server/platform/planner-statistics.js';

export const DURATION = process.env.BENCH_SECONDS ?? '10';
export const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '50';

export function ensureWrk() {
  if (spawnSync('wrk', ['--version']).error) {
    execFileSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit' });
  }
}

export interface Result {
  rps: number;
  p50: number;
  p99: number;
}

function toMs(value: string): number {
  const m = /([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return n * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[m[2] as 'us'] ?? 1);
}

/** A line of wrk's latency distribution (`     99%   12.34ms`); "90.50%" in the thread stats must not match. */
const percentile = (out: string, p: string) =>
  toMs(new RegExp(`^\\s+${p}(?:\\.0+)?%\\s+(\\S+)\\s*$`, 'm').exec(out)?.[1] ?? '');

const postScript = join(mkdtempSync(join(tmpdir(), 'leifeng-wrk-')), 'post.lua');
writeFileSync(postScript, 'wrk.method = "POST"\n');

/** A wrk script that POSTs `body` as JSON. */
function jsonPostScript(body: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'leifeng-wrk-')), 'post-json.lua');
  writeFileSync(
    path,
    `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(body)}\n`,
  );
  return path;
}

export async function wrk(
  url: string,
  options: { headers?: string[]; post?: boolean; body?: string; seconds?: string } = {},
): Promise<Result> {
  const args = [
    '-t2',
    `-c${CONNECTIONS}`,
    `-d${options.seconds ?? DURATION}s`,
    '--latency',
    ...(options.body !== undefined ? ['-s', jsonPostScript(options.body)] : options.post ? ['-s', postScript] : []),
    ...(options.headers ?? []).flatMap((h) => ['-H', h]),
    url,
  ];
  const { stdout: out } = await promisify(execFile)('wrk', args, { encoding: 'utf8' });
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (non2xx) throw new Error(`${url}: ${non2xx[1]} failed responses\n${out}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50: percentile(out, '50'),
    p99: percentile(out, '99'),
  };
}

/** Drops and re-creates the scratch database `name` next to DATABASE_URL; returns its URL. */
export async function scratchPostgres(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url, user: new URL(url).username || 'postgres' });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export interface ServerProcess {
  url: string;
  /** With BENCH_PROFILE set: profiles the server while `during` runs, into `<BENCH_PROFILE>/<name>.cpuprofile`. */
  profile<T>(name: string, during: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts bench/server.ts in its own Node process. With BENCH_PROFILE=<dir>, `profile()` records a
 * CPU profile of the server (the inspector's sampling profiler, as `node --cpu-prof`) per path.
 */
export async function startServer(
  kind: 'product' | 'baseline',
  env: Record<string, string>,
  /** Another checkout whose bench/server.ts to run (a before/after comparison); not profiled. */
  root?: string,
  /** A command the server runs under (valgrind …); its pid is then the server's. */
  wrap: string[] = [],
): Promise<ServerProcess & { pid: number }> {
  const profileDir = root ? undefined : process.env.BENCH_PROFILE;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const script = root ? join(root, 'bench', 'server.ts') : join(import.meta.dirname, 'server.ts');
  const args = [...wrap.slice(1), process.execPath, '--import', 'tsx', script];
  const child: ChildProcess = spawn(wrap[0] ?? args.shift() ?? '', args, {
    cwd: root ?? process.cwd(),
    env: { ...process.env, ...env, BENCH_SERVER: kind, BENCH_PROFILE: profileDir ?? '' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  child.removeAllListeners('exit');
  const command = (line: string) => child.stdin?.write(`${line}\n`);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    async profile(name, during) {
      if (!profileDir) return during();
      command(`profile ${kind}-${name}`);
      const result = await during();
      const written = new Promise<void>((resolve) =>
        lines.on('line', (line) => {
          if (line.startsWith('{"profiled"')) resolve();
        }),
      );
      command('stop');
      await written;
      return result;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Migrates and seeds the demo district on `database`, closes it, and answers a user id for the baseline's select. */
export async function prepareBenchDatabase(database: Database, piiKey: string): Promise<string> {
  await migrateDatabase(database);
  await seedDemo(database.db, loadConfig({ NODE_ENV: 'test', PII_KEY: piiKey }));
  // As `npm start` does: a seeded database is planned from its statistics, not from empty tables.
  await analyzeDatabase(database.db);
  const [someone] = await database.db.select({ id: users.id }).from(users).where(eq(users.phone, '13800000005'));
  await database.close();
  return someone?.id as string;
}

/** Signs in through the API and returns the session cookie header. */
export async function signIn(appUrl: string, phone: string, password: string): Promise<string> {
  return (await signInForWrites(appUrl, phone, password)).header;
}

/** Signs in and keeps what a write needs too: the `Cookie:` header (session + CSRF) and the CSRF token. */
export async function signInForWrites(
  appUrl: string,
  phone: string,
  password: string,
): Promise<{ header: string; cookies: string; token: string }> {
  const csrf = await fetch(`${appUrl}/api/v1/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${appUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie.join('; ') },
    body: JSON.stringify({ phone, password }),
  });
  const session = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('lf_session='))
    ?.split(';')[0];
  if (!session) throw new Error(`login of ${phone} failed: ${login.status} ${await login.text()}`);
  // A new CSRF secret comes with the session: ask for a token that matches it.
  const rotated = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .filter((c) => c.startsWith('_csrf='));
  const cookies = [session, ...(rotated.length ? rotated : csrfCookie)].join('; ');
  const fresh = await fetch(`${appUrl}/api/v1/auth/csrf`, { headers: { cookie: cookies } });
  const again = fresh.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .filter((c) => c.startsWith('_csrf='));
  const all = [session, ...(again.length ? again : rotated.length ? rotated : csrfCookie)].join('; ');
  const { token: writeToken } = (await fresh.json()) as { token: string };
  return { header: `Cookie: ${session}`, cookies: all, token: writeToken };
}

/**
 * Gives the resident `phone` some orders of their own (free requests in 北门外社区), so that
 * `GET /api/v1/orders/mine` reads a real page.
 */
/** A free request in 北门外社区 on day `day` of 2027, as a resident places it. */
export function orderRequest(day: number): string {
  const start = new Date(Date.UTC(2027, 0, day, 1));
  return JSON.stringify({
    categoryCode: 'health',
    title: `量血压 ${day}`,
    regionCode: '371002002005',
    address: '北门外社区 1 号楼',
    windowStart: start.toISOString(),
    windowEnd: new Date(start.getTime() + 3600_000).toISOString(),
  });
}

export async function placeOrders(appUrl: string, phone: string, password: string, count: number): Promise<void> {
  const { cookies, token } = await signInForWrites(appUrl, phone, password);
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${appUrl}/api/v1/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookies },
      body: orderRequest(1 + i),
    });
    if (res.status !== 201) throw new Error(`placing an order failed: ${res.status} ${await res.text()}`);
  }
}
