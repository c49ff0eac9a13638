/**
 * `npm run build`: compiles the server (src/server → dist/server, one JavaScript file per source
 * file) and builds the web app (src/web → dist/web). Each build is stamped with a hash of its inputs
 * and skipped while the stamp matches, so `npm start` can call this cheaply and an updated checkout
 * never runs old code.
 *
 * Plain JavaScript on purpose: `npm start` runs it before anything is compiled, also where only the
 * production dependencies are installed (a shipped, built tree). The build tools (esbuild, Vite) are
 * development dependencies and are imported only when something must actually be built.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.source-hash';
export const serverOut = join(root, 'dist/server');
export const defaultWebOut = () => resolve(root, process.env.WEB_DIST ?? 'dist/web');

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function hashOf(files) {
  const hash = createHash('sha256');
  for (const file of files.map((f) => relative(root, f)).sort()) {
    hash.update(file).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Server sources, shared code, and everything that changes how they compile. */
const serverDirs = () => ['src/server', 'src/shared'].map((d) => join(root, d));
export const serverSourceHash = () =>
  hashOf([
    ...serverDirs().flatMap(listFiles),
    ...['package-lock.json', 'tsconfig.json', 'scripts/build.mjs'].map((f) => join(root, f)),
  ]);

export const webSourceHash = () =>
  hashOf([...listFiles(join(root, 'src/web')), ...['vite.config.ts', 'package-lock.json'].map((f) => join(root, f))]);

/** A shipped tree may leave the sources out: then the build it ships is the one to run. */
const hasSources = (dir) => existsSync(join(root, dir));

function isCurrent(outDir, entry, sourceDir, hash) {
  if (!existsSync(join(outDir, entry))) return false;
  if (!hasSources(sourceDir)) return true;
  const stamp = join(outDir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash();
}

export const isServerBuildCurrent = () => isCurrent(serverOut, 'main.js', 'src/server', serverSourceHash);
export const isWebBuildCurrent = (outDir = defaultWebOut(), hash = webSourceHash) =>
  isCurrent(outDir, 'index.html', 'src/web', typeof hash === 'string' ? () => hash : hash);

async function importBuildTool(name) {
  try {
    return await import(name);
  } catch (err) {
    throw new Error(
      `The build is missing or older than the sources, and the build tool ${name} is not installed ` +
        '(a production install leaves development dependencies out). Build on a machine with ' +
        '`npm ci && npm run build` and ship dist/, or install all dependencies here.',
      { cause: err },
    );
  }
}

/** Compiles src/server (and src/shared) into dist/, keeping the folder layout so relative paths hold. */
export async function buildServer(outRoot = join(root, 'dist')) {
  const { build } = await importBuildTool('esbuild');
  const dirs = serverDirs().filter(existsSync);
  const files = dirs.flatMap(listFiles);
  const entryPoints = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  for (const dir of dirs) rmSync(join(outRoot, relative(join(root, 'src'), dir)), { recursive: true, force: true });
  await build({
    entryPoints,
    outbase: join(root, 'src'),
    outdir: outRoot,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  // Data files read at run time next to their module (region trees, places).
  for (const file of files.filter((f) => !f.endsWith('.ts'))) {
    cpSync(file, join(outRoot, relative(join(root, 'src'), file)));
  }
  const out = join(outRoot, 'server');
  writeFileSync(join(out, STAMP), `${serverSourceHash()}\n`);
  return out;
}

/** Builds the web app into `outDir`; Vite's manifest lists every chunk for the size budgets. */
export async function buildWeb(outDir = defaultWebOut(), logLevel = 'warn') {
  const { build } = await importBuildTool('vite');
  const hash = webSourceHash();
  // Vite and its React plugin take the mode from NODE_ENV; a test run sets `test`, which would
  // build React's development code into the bundle. Builds are production builds.
  const outer = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel, build: { outDir, emptyOutDir: true } });
  } finally {
    if (outer === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = outer;
  }
  writeFileSync(join(outDir, STAMP), `${hash}\n`);
  return outDir;
}

/** Builds into `outDir` unless it already holds a build of exactly these sources; returns whether it built. */
export async function ensureWebBuild(outDir = defaultWebOut(), logLevel = 'warn') {
  if (isWebBuildCurrent(outDir)) return false;
  await buildWeb(outDir, logLevel);
  return true;
}

export async function ensureServerBuild() {
  if (isServerBuildCurrent()) return false;
  await buildServer();
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const server = await ensureServerBuild();
  const web = await ensureWebBuild();
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `server: ${server ? `compiled into ${relative(root, serverOut)}` : 'current'}; ` +
      `web app: ${web ? `built into ${relative(root, defaultWebOut())}` : 'current'} (${took} s)`,
  );
}
