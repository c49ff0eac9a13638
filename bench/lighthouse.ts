/**
 * Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on the pages people open first.
 *
 *   npm run bench:lighthouse                   # 3 runs a page, the median by performance score
 *   BENCH_LIGHTHOUSE_RUNS=5 npm run bench:lighthouse
 *
 * Builds the web app when it is stale, seeds the demo district on a scratch PGlite directory, runs
 * the product in its own process (bench/server.ts, as `npm start` serves it: compressed, compiled
 * web assets) and drives Debian's Chromium (/usr/bin/chromium) through chrome-launcher. Signed-in
 * pages get the session cookie of a demo account. Prints one Markdown table for docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { isWebBuildCurrent, root } from '../scripts/build.mjs';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo.js';
import { openPglite } from '../src/server/platform/db.js';
import { prepareBenchDatabase, signIn, startServer } from './harness.js';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Page {
  name: string;
  path: string;
  /** Demo account whose session the page is opened with (none: anonymous). */
  phone?: string;
}

const PAGES: Page[] = [
  { name: 'sign-in', path: '/login' },
  { name: 'public sites (map)', path: '/sites' },
  { name: 'public charity report', path: '/charity/report' },
  { name: 'public project library', path: '/library' },
  { name: 'registration (H5)', path: '/register' },
  { name: 'H5 home, volunteer', path: '/h5', phone: '13800000005' },
  { name: 'console overview, centre admin', path: '/console', phone: '13800000001' },
];

interface Measure {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
}

const median = (runs: Measure[]) => [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)] as Measure;

/** Lighthouse now and then loses the trace of a load (NO_NAVSTART, NO_FCP): such a run is repeated, twice at most. */
async function measure(url: string, port: number, cookie: string | undefined, attempt = 1): Promise<Measure> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) {
    if (attempt < 3) return measure(url, port, cookie, attempt + 1);
    throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
  };
}

if (!isWebBuildCurrent()) {
  console.log('Building the web app (npm run build)…');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const PII_KEY = randomBytes(32).toString('base64');
const dir = mkdtempSync(join(tmpdir(), 'leifeng-lighthouse-'));
delete process.env.DATABASE_URL;
await prepareBenchDatabase(await openPglite(dir), PII_KEY);
const product = await startServer('product', { DATA_DIR: dir, PII_KEY, BENCH_WEB: '1' });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const sessions = new Map<string, string>();
  const loadAtStart = loadavg()[0] as number;
  const rows: string[] = [];
  for (const page of PAGES) {
    let cookie: string | undefined;
    if (page.phone) {
      cookie =
        sessions.get(page.phone) ?? (await signIn(product.url, page.phone, DEMO_PASSWORD)).replace(/^Cookie: /, '');
      sessions.set(page.phone, cookie);
    }
    await measure(`${product.url}${page.path}`, chrome.port, cookie); // warm-up: server caches, build on first hit
    const runs: Measure[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(`${product.url}${page.path}`, chrome.port, cookie));
    const m = median(runs);
    const row = `| ${page.name} \`${page.path}\` | ${m.score} | ${(m.fcp / 1000).toFixed(1)} s | ${(m.lcp / 1000).toFixed(1)} s | ${m.tbt.toFixed(0)} ms | ${m.cls.toFixed(3)} | ${(m.bytes / 1024).toFixed(0)} KiB | ${runs.map((r) => r.score).join(', ')} |`;
    rows.push(row);
    console.log(row);
  }
  console.log(
    `\nLighthouse mobile, median of ${RUNS} runs a page; load average ${loadAtStart.toFixed(1)} at start, ${(loadavg()[0] as number).toFixed(1)} at the end\n`,
  );
  console.log('| page | performance | FCP | LCP | TBT | CLS | transferred | scores of the runs |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
} finally {
  await chrome.kill();
  await product.stop();
  rmSync(dir, { recursive: true, force: true });
}
