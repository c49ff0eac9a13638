/**
 * Runs once per `npm test`: migrates and seeds one template database (PGlite dump, or a
 * PostgreSQL template database when DATABASE_URL is set) that every test file copies,
 * and builds the web app for the browser tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { loadConfig } from '../src/server/platform/config.js';
import { connectPostgres, wrapPglite } from '../src/server/platform/db.js';
import { migrateDatabase } from '../src/server/platform/migrate.js';
import { ensureWebBuild, webSourceHash } from '../src/server/platform/web-build.js';
import { TEST_PII_KEY } from './test-keys.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
    webDist: string;
  }
}

const work = mkdtempSync(join(tmpdir(), 'leifeng-test-'));
/** The template is sealed with the fixed test PII key that test/server.ts configures. */
const seedConfig = loadConfig({ NODE_ENV: 'test', PII_KEY: TEST_PII_KEY, DATA_DIR: work });

async function preparePglite(): Promise<string> {
  const database = wrapPglite(new PGlite());
  await migrateDatabase(database);
  await seedDemo(database.db, seedConfig);
  const dump = await database.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('PGlite dump failed');
  const path = join(work, 'template.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return path;
}

async function preparePostgres(url: string): Promise<string> {
  const name = `leifeng_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url, user: new URL(url).username || 'postgres' });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = connectPostgres(target.toString(), 2);
  await migrateDatabase(database);
  await seedDemo(database.db, seedConfig);
  await database.close();
  return name;
}

async function dropPostgresDatabases(url: string, template: string) {
  const admin = new pg.Client({ connectionString: url, user: new URL(url).username || 'postgres' });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname like 'leifeng_t_${process.pid}_%' or datname = $1`,
    [template],
  );
  for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
  await admin.end();
}

/** Builds the web app for the browser tests, reusing an earlier build of exactly the same sources. */
async function buildWeb(): Promise<string> {
  const outDir = resolve('node_modules/.cache/leifeng-web', webSourceHash());
  await ensureWebBuild(outDir, 'error');
  return outDir;
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const [dump, template, webDist] = await Promise.all([
    url ? Promise.resolve('') : preparePglite(),
    url ? preparePostgres(url) : Promise.resolve(''),
    buildWeb(),
  ]);
  project.provide('pgliteDump', dump);
  project.provide('pgTemplate', template);
  project.provide('webDist', webDist);
  return async () => {
    if (url) await dropPostgresDatabases(url, template);
    rmSync(work, { recursive: true, force: true });
  };
}
