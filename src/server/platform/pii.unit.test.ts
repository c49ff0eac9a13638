import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_PII_KEY } from '../../../test/test-keys.js';
import { createPii, loadPiiKey } from './pii.js';

const pii = createPii(Buffer.from(TEST_PII_KEY, 'base64'));

describe('PII encryption', () => {
  it('round-trips, uses a fresh IV each time, and never contains the clear text', () => {
    const a = pii.encrypt('11010519491231002X', '371002');
    const b = pii.encrypt('11010519491231002X', '371002');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(pii.decrypt(a, '371002')).toBe('11010519491231002X');
  });

  it('refuses a tampered cipher text, another context, or another key', () => {
    const sealed = pii.encrypt('11010519491231002X', '371002');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] as number) ^ 1;
    expect(() => pii.decrypt(`v1.${raw.toString('base64')}`, '371002')).toThrow();
    expect(() => pii.decrypt(sealed, '371003')).toThrow();
    expect(() => createPii(Buffer.alloc(32, 9)).decrypt(sealed, '371002')).toThrow();
  });

  it('gives a stable keyed hash per context that differs from a plain hash and between keys', () => {
    const h = pii.blindIndex('11010519491231002X', '371002');
    expect(h).toBe(pii.blindIndex('11010519491231002X', '371002'));
    expect(h).not.toBe(pii.blindIndex('11010519491231002X', '371003'));
    expect(h).not.toBe(createPii(Buffer.alloc(32, 9)).blindIndex('11010519491231002X', '371002'));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the PII key', () => {
  it('comes from PII_KEY when set', () => {
    const key = loadPiiKey({ PII_KEY: TEST_PII_KEY, NODE_ENV: 'production', dataDir: '/nonexistent' });
    expect(key.toString('base64')).toBe(TEST_PII_KEY);
  });

  it('refuses to start in production without PII_KEY (on PostgreSQL, or without the demo district)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leifeng-pii-'));
    const postgres = { NODE_ENV: 'production', dataDir, DATABASE_URL: 'postgres://db/x', SEED_DEMO: true } as const;
    expect(() => loadPiiKey(postgres)).toThrow(/PII_KEY is not set/);
    expect(() => loadPiiKey({ NODE_ENV: 'production', dataDir, SEED_DEMO: false })).toThrow(/PII_KEY is not set/);
    expect(existsSync(join(dataDir, 'pii.key'))).toBe(false);
  });

  it('lets the out-of-the-box demo (production mode, embedded database, demo district) generate one', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leifeng-pii-'));
    const warnings: string[] = [];
    loadPiiKey({ NODE_ENV: 'production', dataDir, SEED_DEMO: true }, (m) => warnings.push(m));
    expect(existsSync(join(dataDir, 'pii.key'))).toBe(true);
    expect(warnings).toHaveLength(1);
  });

  it('is generated once into the data folder outside production, with a warning, and reused', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leifeng-pii-'));
    const warnings: string[] = [];
    const first = loadPiiKey({ NODE_ENV: 'development', dataDir }, (m) => warnings.push(m));
    const second = loadPiiKey({ NODE_ENV: 'development', dataDir }, (m) => warnings.push(m));
    expect(first.equals(second)).toBe(true);
    expect(first.length).toBe(32);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('pii.key');
    const path = join(dataDir, 'pii.key');
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
