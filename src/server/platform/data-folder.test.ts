import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPglite } from './db.js';
import { loadPiiKey } from './pii.js';

/** Every entry under `dir` with its permission bits, e.g. `['d', 'pg/base', 0o700]`. */
function modes(dir: string, prefix = ''): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    const name = `${prefix}${e.name}`;
    out.push([e.isDirectory() ? 'd' : 'f', name, statSync(path).mode & 0o777]);
    if (e.isDirectory()) out.push(...modes(path, `${name}/`));
  }
  return out;
}

describe('the data folder', () => {
  it('is readable by its owner only: folders 0700, files 0600, the PII key too', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'leifeng-perm-')), 'data');
    loadPiiKey({ NODE_ENV: 'test', dataDir }, () => {});
    const database = await openPglite(dataDir);
    await database.db.execute(sql`create table t (a text)`);
    await database.db.execute(sql`insert into t values ('x')`);
    await database.close();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const entries = modes(dataDir);
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.find(([, name]) => name === 'pii.key')?.[2]).toBe(0o600);
    const loose = entries.filter(([kind, , mode]) => mode !== (kind === 'd' ? 0o700 : 0o600));
    expect(loose.map(([kind, name, mode]) => `${kind} ${name} ${mode.toString(8)}`)).toEqual([]);
  }, 180_000);
});
