/**
 * Starting the server: a wrong setting is one clear line on stderr and exit code 1 before any work,
 * the demo seed is all or nothing, and of two starts on one data folder exactly one opens it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PGlite } from '@electric-sql/pglite';
import { count } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testConfig } from '../../test/server.js';
import { TEST_PII_KEY } from '../../test/test-keys.js';
import { isSeeded, seedDemo } from './demo/seed-demo.js';
import { users } from './modules/accounts/index.js';
import { connectPostgres, type Database, wrapPglite } from './platform/db.js';
import { migrateDatabase } from './platform/migrate.js';
import { tenants } from './platform/tenants-schema.js';

const root = resolve(import.meta.dirname, '../..');
const tsx = ['--import', 'tsx'];
const freshDir = () => mkdtempSync(join(tmpdir(), 'leifeng-start-'));

/** Runs `npm start`'s entry point with exactly `env` (plus PATH) until it exits. */
function start(env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((done) => {
    const child = spawn(process.execPath, [...tsx, 'src/server/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('exit', (code) => done({ code, stderr, stdout }));
  });
}

function expectOneLine(result: { code: number | null; stderr: string }, message: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Leifeng cannot start: /);
  expect(lines[0]).toMatch(message);
}

describe('start-up failures', () => {
  it('refuses PostgreSQL in production without PII_KEY before connecting', async () => {
    const result = await start({
      NODE_ENV: 'production',
      DATA_DIR: freshDir(),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/leifeng',
    });
    // The settings are checked before anything: the unreachable database is never even tried.
    expectOneLine(result, /PII_KEY is not set/);
  }, 60_000);

  it('says what is wrong with an unreachable DATABASE_URL and how to fix it', async () => {
    const result = await start({
      NODE_ENV: 'production',
      DATA_DIR: freshDir(),
      PII_KEY: TEST_PII_KEY,
      DATABASE_URL: 'postgres://leifeng:secret-pass@127.0.0.1:1/leifeng',
    });
    expectOneLine(result, /Cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused.*Correct DATABASE_URL/);
    expect(result.stderr).not.toContain('secret-pass');
  }, 60_000);

  it('names an invalid setting', async () => {
    expectOneLine(
      await start({ PORT: 'eighty', TRUST_PROXY: 'true' }),
      /invalid configuration: PORT: .*; TRUST_PROXY: /,
    );
  }, 60_000);

  it.skipIf(!process.env.DATABASE_URL)(
    'names a database that does not exist (PostgreSQL only)',
    async () => {
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = '/leifeng_no_such_database';
      const result = await start({ NODE_ENV: 'production', PII_KEY: TEST_PII_KEY, DATABASE_URL: url.toString() });
      expectOneLine(result, /has no database "leifeng_no_such_database": create it/);
    },
    60_000,
  );
});

/** An empty, migrated database of the kind under test. */
async function emptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = wrapPglite(new PGlite());
    await migrateDatabase(database);
    return { database, drop: () => database.close() };
  }
  const name = `leifeng_seed_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url, user: new URL(url).username || 'postgres' });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = connectPostgres(target.toString(), 2);
  await migrateDatabase(database);
  return {
    database,
    async drop() {
      await database.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

describe('the demo seed', () => {
  it('leaves nothing behind when it fails, and completes at the next start', async () => {
    const { database, drop } = await emptyDatabase();
    try {
      // No usable PII key: the demo volunteer's ID number, the last step, cannot be sealed.
      const noKey = { ...testConfig(), PII_KEY: undefined, NODE_ENV: 'production' as const, SEED_DEMO: false };
      await expect(seedDemo(database.db, noKey)).rejects.toThrow(/PII_KEY/);
      expect(await isSeeded(database.db)).toBe(false);
      expect((await database.db.select({ n: count() }).from(tenants))[0]?.n).toBe(0);
      expect((await database.db.select({ n: count() }).from(users))[0]?.n).toBe(0);

      expect(await seedDemo(database.db, testConfig())).toBe(true);
      expect((await database.db.select({ n: count() }).from(users))[0]?.n).toBe(7);
      expect(await seedDemo(database.db, testConfig())).toBe(false);
    } finally {
      await drop();
    }
  }, 120_000);
});

describe('the data-folder lock', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill();
  });

  /** A process holding a line reader on its stdout, started once and reused for every trial. */
  async function contender() {
    const child = spawn(process.execPath, [...tsx, 'test/fixtures/lock-contender.ts'], { cwd: root });
    children.push(child);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => (await lines.next()).value as string;
    expect(await next()).toBe('ready');
    return { send: (line: string) => child.stdin.write(`${line}\n`), next };
  }

  it('lets exactly one of four simultaneous starts take a stale lock, in every trial', async () => {
    const contenders = await Promise.all([contender(), contender(), contender(), contender()]);
    for (let trial = 0; trial < 25; trial++) {
      const dir = freshDir();
      writeFileSync(join(dir, 'leifeng.lock'), '999999999'); // left by a crashed process
      for (const c of contenders) c.send(`lock ${dir}`);
      const answers = await Promise.all(contenders.map((c) => c.next()));
      expect(
        answers.filter((a) => a === 'locked'),
        `trial ${trial}: ${answers.join(' | ')}`,
      ).toHaveLength(1);
      for (const a of answers.filter((a) => a !== 'locked'))
        expect(a).toMatch(/^refused The data folder is in use by process \d+/);
      for (const c of contenders) c.send('release');
      await Promise.all(contenders.map((c) => c.next()));
    }
  }, 120_000);

  it('opens the folder in one of two simultaneous starts; the other stops with one line', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'leifeng.lock'), '999999999');
    const env = { NODE_ENV: 'production', DATA_DIR: dir, PII_KEY: TEST_PII_KEY, WEB_DIST: inject('webDist') };
    const spawnStart = () =>
      spawn(process.execPath, [...tsx, 'src/server/main.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
      });
    const both = [spawnStart(), spawnStart()];
    children.push(...both);
    const outcome = (child: ChildProcess) =>
      new Promise<string>((done) => {
        let stderr = '';
        child.stderr?.on('data', (c) => {
          stderr += c;
        });
        child.stdout?.on('data', (c) => {
          if (String(c).includes('is running at')) done('running');
        });
        child.on('exit', (code) => done(`exit ${code}: ${stderr.trim()}`));
      });
    const results = await Promise.all(both.map(outcome));
    expect(
      results.filter((r) => r === 'running'),
      results.join(' | '),
    ).toHaveLength(1);
    const refused = results.find((r) => r !== 'running') as string;
    expect(refused).toMatch(/^exit 1: Leifeng cannot start: The data folder is in use by process \d+ .*Stop it first/);
    expect(refused.split('\n')).toHaveLength(1);
  }, 180_000);
});
