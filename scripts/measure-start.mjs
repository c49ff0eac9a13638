/**
 * `node scripts/measure-start.mjs [runs]`: how long the server takes from launch to its first
 * answer on /api/health, and the memory (RSS of the whole process tree) at that moment, for the
 * TypeScript loader (tsx, how `npm start` used to run) and the compiled server (`npm start` now, and
 * `node dist/server/main.js` directly). Runs alternate, on one migrated embedded database, with the
 * builds current; prints medians.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServerBuild, ensureWebBuild, root } from './build.mjs';

const runs = Number(process.argv[2] ?? 5);
const variants = {
  'tsx src/server/main.ts (before)': [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/server/main.ts'],
  'node scripts/start.mjs (npm start)': ['scripts/start.mjs'],
  'node dist/server/main.js': ['dist/server/main.js'],
};

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** RSS in KiB of `pid` and all its descendants (tsx runs the program in a child process). */
function treeRss(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let total = 0;
  const visit = (p) => {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0);
    } catch {}
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

async function measure(args, dataDir) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (res?.ok) break;
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  const rssMiB = treeRss(child.pid) / 1024;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { ms, rssMiB };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await ensureServerBuild();
await ensureWebBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'leifeng-start-'));
try {
  await measure(variants['node dist/server/main.js'], dataDir); // migrate and seed once
  const results = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(variants)) results[name].push(await measure(args, dataDir));
  }
  console.log(`| how | start to first /api/health (median of ${runs}) | RSS then |`);
  console.log('|---|---|---|');
  for (const [name, rs] of Object.entries(results)) {
    const ms = median(rs.map((r) => r.ms));
    const rss = median(rs.map((r) => r.rssMiB));
    console.log(`| \`${name}\` | ${(ms / 1000).toFixed(2)} s | ${rss.toFixed(0)} MiB |`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
