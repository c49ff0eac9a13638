/**
 * Global setup of the integration and e2e projects (not of unit): migrates and seeds one template
 * database (PGlite dump, or a PostgreSQL template database when DATABASE_URL is set) that every
 * test file copies, and builds the web app for the tests that serve it. Both projects share one
 * preparation per run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureWebBuild, webSourceHash } from '../scripts/build.mjs';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { loadConfig } from '../src/server/platform/config.js';
import { connectPostgres, wrapPglite } from '../src/server/platform/db.js';
import { migrateDatabase } from '../src/server/platform/migrate.js';
import { TEST_PII_KEY } from './test-keys.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
    webDist: string;
  }
}

/** The template is sealed with the fixed test PII key that test/server.ts configures. */
const seedConfigIn = (work: string) => loadConfig({ NODE_ENV: 'test', PII_KEY: TEST_PII_KEY, DATA_DIR: work });

async function preparePglite(work: string): Promise<string> {
  const database = wrapPglite(new PGlite());
  await migrateDatabase(database);
  await seedDemo(database.db, seedConfigIn(work));
  const dump = await database.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('PGlite dump failed');
  const path = join(work, 'template.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return path;
}

async function preparePostgres(url: string, work: string): Promise<string> {
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
  await seedDemo(database.db, seedConfigIn(work));
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

interface Prepared {
  work: string;
  dump: string;
  template: string;
  webDist: string;
}

async function prepare(url: string | undefined): Promise<Prepared> {
  const work = mkdtempSync(join(tmpdir(), 'leifeng-test-'));
  const [dump, template, webDist] = await Promise.all([
    url ? Promise.resolve('') : preparePglite(work),
    url ? preparePostgres(url, work) : Promise.resolve(''),
    buildWeb(),
  ]);
  return { work, dump, template, webDist };
}

/** Shared by the projects of one run (global setups run in the main Vitest process). */
const shared = globalThis as typeof globalThis & { leifengTemplate?: { prepared: Promise<Prepared>; users: number } };

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  shared.leifengTemplate ??= { prepared: prepare(url), users: 0 };
  const state = shared.leifengTemplate;
  state.users++;
  const { work, dump, template, webDist } = await state.prepared;
  project.provide('pgliteDump', dump);
  project.provide('pgTemplate', template);
  project.provide('webDist', webDist);
  return async () => {
    if (--state.users > 0) return;
    shared.leifengTemplate = undefined;
    if (url) await dropPostgresDatabases(url, template);
    rmSync(work, { recursive: true, force: true });
  };
}
