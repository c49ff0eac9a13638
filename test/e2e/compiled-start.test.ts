/**
 * The compiled server runs with nothing but the production dependencies: a tree like the one
 * `npm ci --omit=dev` leaves (only the packages package-lock.json does not mark dev-only, linked
 * into a fresh node_modules), the compiled JavaScript, the migrations and the web build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer, root } from '../../scripts/build.mjs';
import { TEST_PII_KEY } from '../test-keys.js';

const tree = mkdtempSync(join(tmpdir(), 'leifeng-built-'));
let server: ChildProcess;
let base: string;
let output = '';

function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, p]) => path.startsWith('node_modules/') && !path.includes('/node_modules/', 1) && !p.dev)
    .map(([path]) => path.slice('node_modules/'.length));
}

const freePort = () =>
  new Promise<number>((resolvePort) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });

async function waitForHealth(url: string, deadline: number): Promise<Response> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
    const res = await fetch(url).catch(() => null);
    if (res) return res;
    if (Date.now() > deadline) throw new Error(`no answer from ${url}:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await buildServer(join(tree, 'dist'));
  cpSync(join(root, 'migrations'), join(tree, 'migrations'), { recursive: true });
  cpSync(join(root, 'package.json'), join(tree, 'package.json'));
  for (const name of productionPackages()) {
    const link = join(tree, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), link, 'dir');
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: join(tree, 'data'),
    WEB_DIST: inject('webDist'),
    SEED_DEMO: 'false',
    PII_KEY: TEST_PII_KEY,
    LOG_LEVEL: 'warn',
  };
  server = spawn(process.execPath, [join(tree, 'dist/server/main.js')], { cwd: tree, env });
  server.stdout?.on('data', (d) => {
    output += d;
  });
  server.stderr?.on('data', (d) => {
    output += d;
  });
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(tree, { recursive: true, force: true });
});

describe('the compiled server with production dependencies only', () => {
  // A fresh embedded database takes seconds to create, minutes on a busy shared machine.
  it('starts, migrates an empty database and answers /api/health', async () => {
    const res = await waitForHealth(`${base}/api/health`, Date.now() + 300_000);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', database: { kind: 'pglite', reachable: true } });
    expect(body.version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  }, 330_000);

  it('serves the web app and compressed API answers', async () => {
    const shell = await fetch(`${base}/h5`);
    expect(shell.status).toBe(200);
    expect(await shell.text()).toMatch(/<script type="module"[^>]+src="\/assets\//);
    const openapi = await fetch(`${base}/api/openapi.json`, { headers: { 'accept-encoding': 'br' } });
    expect(openapi.status).toBe(200);
    expect(openapi.headers.get('content-encoding')).toBe('br');
    expect((await openapi.json()).openapi).toBe('3.0.3');
  });

  it('had no build tool or TypeScript loader to lean on', () => {
    const linked = new Set(productionPackages());
    for (const tool of ['tsx', 'typescript', 'esbuild', 'vite', 'drizzle-kit', 'vitest'])
      expect(linked).not.toContain(tool);
  });
});
