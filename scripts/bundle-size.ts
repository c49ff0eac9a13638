/**
 * First-load JavaScript of the web app's entry points, read from Vite's manifest: the entry chunk
 * plus an area's chunk and everything they import statically (what a browser must fetch before the
 * page can render), gzip-compressed as the server sends it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

export interface FirstLoad {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

export const readManifest = (webDist: string): Manifest =>
  JSON.parse(readFileSync(join(webDist, '.vite/manifest.json'), 'utf8'));

/** The static-import closure of `keys` (manifest keys, e.g. 'index.html', 'h5/H5App.tsx'). */
export function staticClosure(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the web build's manifest`);
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return [...seen].map((key) => (manifest[key] as ManifestChunk).file).filter((f) => f.endsWith('.js'));
}

/** What the first visit to an area costs: the HTML entry plus the area's lazy chunk(s). */
export function firstLoad(webDist: string, area: string[]): FirstLoad {
  const manifest = readManifest(webDist);
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the web build has no entry');
  const files = staticClosure(manifest, [entry, ...area]).sort();
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(webDist, file));
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { files, bytes, gzipBytes };
}

/**
 * Budgets in KiB of gzip JavaScript per area, keyed by the source module the area starts from.
 * Mobile pages (H5, registration, sign-in, public sites) get the product goal of 200 KiB: residents
 * open them on 4G phones. The console gets 320 KiB: React, the router, queries and i18n (≈ 85 KiB)
 * plus antd's core that the shell and its overview need (config provider, CSS-in-JS, layout, menu,
 * grid, cards: ≈ 200 KiB), with little room, so that a table, form or map library joining the first
 * load fails the check instead of going unnoticed. Staff use the console on office machines.
 */
export const budgets = {
  h5: { area: ['h5/H5App.tsx'], kib: 200 },
  register: { area: ['h5/RegisterPage.tsx'], kib: 200 },
  login: { area: ['login/LoginPage.tsx'], kib: 200 },
  sites: { area: ['sites/SitesApp.tsx'], kib: 200 },
  console: { area: ['console/ConsoleApp.tsx'], kib: 320 },
} as const;

if (import.meta.filename === process.argv[1]) {
  const webDist = process.argv[2] ?? 'dist/web';
  for (const [name, { area, kib }] of Object.entries(budgets)) {
    const { gzipBytes, bytes, files } = firstLoad(webDist, [...area]);
    const used = (gzipBytes / 1024).toFixed(1);
    console.log(
      `${name.padEnd(9)} ${used.padStart(6)} KiB gzip (${(bytes / 1024).toFixed(0)} KiB raw, ${files.length} files), budget ${kib} KiB`,
    );
  }
}
