import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/platform/db.js';
import { createTestDatabase } from './server.js';

/** Tables that are not per-tenant business data. */
const GLOBAL_TABLES = new Set(['tenants']);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await database.db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

describe('distribution by tenant (Citus-ready)', () => {
  it('has tenant_id in the primary key and in every foreign key of every business table', async () => {
    const constraints = await rows<{
      table_name: string;
      constraint_type: string;
      constraint_name: string;
      columns: string[];
    }>(sql`
      select tc.table_name, tc.constraint_type, tc.constraint_name,
             array_agg(kcu.column_name::text order by kcu.ordinal_position) as columns
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
       where tc.table_schema = 'public' and tc.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')
       group by tc.table_name, tc.constraint_type, tc.constraint_name`);
    const tables = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const business = tables.map((t) => t.table_name).filter((n) => !GLOBAL_TABLES.has(n) && !n.startsWith('__drizzle'));
    expect(business.length).toBeGreaterThanOrEqual(6);
    for (const table of business) {
      const pk = constraints.find((c) => c.table_name === table && c.constraint_type === 'PRIMARY KEY');
      expect(pk?.columns, `${table} primary key`).toContain('tenant_id');
      for (const fk of constraints.filter((c) => c.table_name === table && c.constraint_type === 'FOREIGN KEY')) {
        expect(fk.columns, `${table} ${fk.constraint_name}`).toContain('tenant_id');
      }
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
