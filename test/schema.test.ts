import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/platform/db.js';
import { createTestDatabase } from './server.js';
import { tenantKeyViolations } from './tenant-keys.js';

/** Tables that are not per-tenant business data. */
const GLOBAL_TABLES = new Set(['tenants']);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('distribution by tenant (Citus-ready)', () => {
  it('has tenant_id in every primary key, both sides of every foreign key and every unique index', async () => {
    const { tables, violations } = await tenantKeyViolations(database, 'public', GLOBAL_TABLES);
    expect(tables.length).toBeGreaterThanOrEqual(20);
    expect(violations).toEqual([]);
  });

  it('finds each kind of violation, also where another table has a right key of the same name', async () => {
    const fixture = [
      'create table tenants (id text primary key, home_site uuid)',
      `create table sites (tenant_id text not null references tenants (id), id uuid not null, code text not null,
         primary key (tenant_id, id))`,
      'create unique index sites_code on sites (code)',
      'create unique index sites_tenant_code on sites (tenant_id, code)',
      'create unique index sites_tenant_lower_code on sites (tenant_id, lower(code))',
      'create table legacy (id uuid primary key, tenant_id text not null)',
      'alter table tenants add constraint tenants_home foreign key (home_site) references legacy (id)',
      'create table no_key (tenant_id text not null)',
      `create table good_orders (tenant_id text not null, id uuid not null, site_id uuid not null,
         primary key (tenant_id, id),
         constraint order_site foreign key (tenant_id, site_id) references sites (tenant_id, id))`,
      `create table bad_orders (tenant_id text not null, id uuid not null, legacy_id uuid, site_code text,
         primary key (tenant_id, id),
         constraint order_site foreign key (legacy_id) references legacy (id),
         constraint order_site_code foreign key (site_code, tenant_id) references sites (tenant_id, code))`,
    ];
    await database.db.execute(sql.raw('create schema tenant_key_fixture'));
    for (const statement of fixture) {
      await database.db.execute(
        sql.raw(statement.replace(/\b(table|references|on) (\w+)/g, '$1 tenant_key_fixture.$2')),
      );
    }
    try {
      const { tables, violations } = await tenantKeyViolations(database, 'tenant_key_fixture', new Set(['tenants']));
      expect(tables).toEqual(['bad_orders', 'good_orders', 'legacy', 'no_key', 'sites']);
      expect(violations).toEqual([
        'bad_orders: foreign key order_site → legacy lacks tenant_id',
        'bad_orders: foreign key order_site_code → sites pairs tenant_id with code, not tenant_id',
        'legacy: primary key legacy_pkey lacks tenant_id',
        'no_key: no primary key',
        'sites: unique index sites_code lacks tenant_id',
        'tenants: foreign key tenants_home → legacy: a shared table refers to a per-tenant one',
      ]);
    } finally {
      await database.db.execute(sql.raw('drop schema tenant_key_fixture cascade'));
    }
  });
});

describe('migrations', () => {
  it('agree with the schema (drizzle-kit generate finds nothing to add)', () => {
    const out = mkdtempSync(join(tmpdir(), 'leifeng-migrations-'));
    cpSync('migrations', out, { recursive: true });
    const before = readdirSync(out).length;
    const run = spawnSync('npx', ['drizzle-kit', 'generate'], {
      env: { ...process.env, MIGRATIONS_OUT: relative(process.cwd(), out) },
      encoding: 'utf8',
    });
    const log = `${run.stdout}${run.stderr}`;
    expect(run.status, log).toBe(0);
    expect(readdirSync(out).length, `schema changed without a migration: run npm run db:generate\n${log}`).toBe(before);
    expect(log).toMatch(/No schema changes/);
  });
});
