/**
 * Keeps the built web app in step with its sources. A build is stamped with a hash of the inputs
 * (src/web, vite.config.ts, package-lock.json); a build whose stamp differs is rebuilt, so an
 * updated checkout never serves an old interface.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const STAMP = '.source-hash';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export function webSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of ['vite.config.ts', 'package-lock.json', ...listFiles('src/web')].sort()) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export const isWebBuildCurrent = (outDir: string, hash = webSourceHash()) =>
  existsSync(join(outDir, 'index.html')) &&
  existsSync(join(outDir, STAMP)) &&
  readFileSync(join(outDir, STAMP), 'utf8').trim() === hash;

/** Builds into `outDir` unless it already holds a build of exactly these sources; returns whether it built. */
export async function ensureWebBuild(outDir: string, logLevel: 'warn' | 'error' = 'warn'): Promise<boolean> {
  const hash = webSourceHash();
  if (isWebBuildCurrent(outDir, hash)) return false;
  const { build } = await import('vite');
  await build({ configFile: resolve('vite.config.ts'), logLevel, build: { outDir, emptyOutDir: true } });
  writeFileSync(join(outDir, STAMP), `${hash}\n`);
  return true;
}
