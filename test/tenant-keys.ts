/**
 * The distribution-key rule read from PostgreSQL's own catalogue: every primary key, both sides of
 * every foreign key and every unique index of a per-tenant table include `tenant_id`, so that the
 * schema can be distributed by tenant (Citus) without a rewrite.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/platform/db.js';

const TENANT = 'tenant_id';

interface Constraint {
  table: string;
  name: string;
  type: 'p' | 'f';
  columns: string[];
  refTable: string | null;
  refColumns: string[] | null;
}

interface UniqueIndex {
  table: string;
  name: string;
  columns: string[];
  primary: boolean;
}

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Column names of `attnums` in `rel`, in key order; an expression column (attnum 0) reads as null. */
const columnNames = (attnums: string, rel: string) =>
  sql.raw(`array(
  select a.attname::text from unnest(${attnums}::int2[]) with ordinality k(attnum, pos)
    left join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.attnum
   order by k.pos)`);

/** Tables of `schema` (other than `globalTables`) and every key rule they break, one line each. */
export async function tenantKeyViolations(
  database: Database,
  schema: string,
  globalTables: ReadonlySet<string>,
): Promise<{ tables: string[]; violations: string[] }> {
  const tables = (
    await rows<{ name: string }>(
      database,
      sql`select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = ${schema} and c.relkind in ('r', 'p') order by 1`,
    )
  ).map((t) => t.name);
  const constraints = await rows<Constraint>(
    database,
    sql`select t.relname::text as "table", c.conname::text as name, c.contype::text as type,
               ${columnNames('c.conkey', 'c.conrelid')} as columns,
               r.relname::text as "refTable",
               case when c.contype = 'f' then ${columnNames('c.confkey', 'c.confrelid')} end as "refColumns"
          from pg_constraint c
          join pg_class t on t.oid = c.conrelid
          join pg_namespace n on n.oid = t.relnamespace
          left join pg_class r on r.oid = c.confrelid
         where n.nspname = ${schema} and c.contype in ('p', 'f')`,
  );
  const indexes = await rows<UniqueIndex>(
    database,
    sql`select t.relname::text as "table", i.relname::text as name, x.indisprimary as primary,
               ${columnNames('x.indkey', 'x.indrelid')} as columns
          from pg_index x
          join pg_class i on i.oid = x.indexrelid
          join pg_class t on t.oid = x.indrelid
          join pg_namespace n on n.oid = t.relnamespace
         where n.nspname = ${schema} and x.indisunique`,
  );

  const isTenantTable = (table: string) => !globalTables.has(table) && !table.startsWith('__drizzle');
  const violations: string[] = [];
  for (const table of tables.filter(isTenantTable)) {
    const pk = constraints.find((c) => c.table === table && c.type === 'p');
    if (!pk) violations.push(`${table}: no primary key`);
    else if (!pk.columns.includes(TENANT)) violations.push(`${table}: primary key ${pk.name} lacks ${TENANT}`);
    for (const index of indexes.filter((i) => i.table === table && !i.primary)) {
      if (!index.columns.includes(TENANT)) violations.push(`${table}: unique index ${index.name} lacks ${TENANT}`);
    }
  }
  for (const fk of constraints.filter((c) => c.type === 'f')) {
    const from = isTenantTable(fk.table);
    const to = fk.refTable !== null && isTenantTable(fk.refTable);
    const at = fk.columns.indexOf(TENANT);
    const where = `${fk.table}: foreign key ${fk.name} → ${fk.refTable}`;
    if (from && at < 0) violations.push(`${where} lacks ${TENANT}`);
    else if (!from && to) violations.push(`${where}: a shared table refers to a per-tenant one`);
    else if (from && to && fk.refColumns?.[at] !== TENANT) {
      violations.push(`${where} pairs ${TENANT} with ${fk.refColumns?.[at]}, not ${TENANT}`);
    }
  }
  return { tables: tables.filter(isTenantTable), violations: violations.sort() };
}
