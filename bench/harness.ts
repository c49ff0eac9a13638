/** What bench/run.ts and bench/large-data.ts share: scratch databases, server processes, wrk. */
import { type ChildProcess, execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import pg from 'pg';

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

const postScript = join(mkdtempSync(join(tmpdir(), 'leifeng-wrk-')), 'post.lua');
writeFileSync(postScript, 'wrk.method = "POST"\n');

export async function wrk(
  url: string,
  options: { headers?: string[]; post?: boolean; seconds?: string } = {},
): Promise<Result> {
  const args = [
    '-t2',
    `-c${CONNECTIONS}`,
    `-d${options.seconds ?? DURATION}s`,
    '--latency',
    ...(options.post ? ['-s', postScript] : []),
    ...(options.headers ?? []).flatMap((h) => ['-H', h]),
    url,
  ];
  const { stdout: out } = await promisify(execFile)('wrk', args, { encoding: 'utf8' });
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (non2xx) throw new Error(`${url}: ${non2xx[1]} failed responses\n${out}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50: toMs(/50%\s+(\S+)/.exec(out)?.[1] ?? ''),
    p99: toMs(/99%\s+(\S+)/.exec(out)?.[1] ?? ''),
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
  stop(): Promise<void>;
}

/**
 * Starts bench/server.ts in its own Node process. With BENCH_PROFILE=<dir> the process runs under
 * `node --cpu-prof` and writes its profile there when stopped.
 */
export async function startServer(kind: 'product' | 'baseline', env: Record<string, string>): Promise<ServerProcess> {
  const profileDir = process.env.BENCH_PROFILE;
  const args = [
    '--import',
    'tsx',
    ...(profileDir && kind === 'product' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    join(import.meta.dirname, 'server.ts'),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env, BENCH_SERVER: kind },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in through the API and returns the session cookie header. */
export async function signIn(appUrl: string, phone: string, password: string): Promise<string> {
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
  return `Cookie: ${session}`;
}
