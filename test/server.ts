/** Test helpers: a fresh copy of the seeded template database per test file, the app, and signed-in clients. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { type BuildAppOptions, buildApp } from '../src/server/app.js';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo.js';
import { type Config, loadConfig } from '../src/server/platform/config.js';
import { connectPostgres, type Database, wrapPglite } from '../src/server/platform/db.js';
import { TEST_PII_KEY } from './test-keys.js';

export const databaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A private copy of the migrated, seeded demo database. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = new Blob([readFileSync(inject('pgliteDump'))]);
    const client = await PGlite.create({ loadDataDir: dump });
    return wrapPglite(client);
  }
  return connectPostgres(await createTestPostgresDatabase(url), 5);
}

/** A private copy of the template on PostgreSQL; answers its URL (for tests that start several instances on it). */
export async function createTestPostgresDatabase(url: string): Promise<string> {
  const name = `leifeng_t_${inject('pgTemplate').replace('leifeng_tpl_', '')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, user: new URL(url).username || 'postgres' });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
      break;
    } catch (err) {
      // Two files copying the template at the same instant collide; wait and retry.
      if (attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 300));
    }
  }
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'leifeng-data-')),
    LOG_LEVEL: 'silent',
    WEB_DIST: inject('webDist'),
    PII_KEY: TEST_PII_KEY,
    ...overrides,
  });
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { web?: boolean; env?: Record<string, string>; jobs?: BuildAppOptions['jobs'] } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = testConfig(options.env);
  const app = await buildApp({ config, database, web: options.web ?? false, logger: false, jobs: options.jobs });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** An HTTP client that keeps cookies and sends the CSRF token, like the browser does. */
export class Client {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  /** The Cookie header this client sends (for raw requests in tests). */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(options: InjectOptions & { method: string; url: string }) {
    const method = options.method.toUpperCase();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && !this.csrf) {
      const res = await this.raw({ method: 'GET', url: '/api/v1/auth/csrf' });
      this.csrf = res.json().token;
    }
    return this.raw({
      ...options,
      headers: { ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...options.headers },
    });
  }

  private async raw(options: InjectOptions) {
    const res = await this.app.inject({
      ...options,
      headers: { cookie: this.cookieHeader(), ...options.headers },
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      // A new CSRF secret (first visit, sign-in) makes the token of the old one worthless.
      if (c.name === '_csrf') this.csrf = null;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }

  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, payload: (payload ?? {}) as InjectOptions['payload'], headers });
  }

  async login(phone: string, password = DEMO_PASSWORD) {
    const res = await this.post('/api/v1/auth/login', { phone, password });
    if (res.statusCode !== 200) throw new Error(`login ${phone} failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

export const anonymous = (app: FastifyInstance) => new Client(app);
export const signIn = (app: FastifyInstance, phone: string, password?: string) =>
  new Client(app).login(phone, password);

/** Demo phones by role, as seeded. */
export const demo = {
  centreAdmin: '13800000001',
  instituteAdmin: '13800000002',
  keeper: '13800000003',
  orgAdmin: '13800000004',
  volunteer: '13800000005',
  resident: '13800000006',
  judge: '13800000007',
} as const;
