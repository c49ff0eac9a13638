import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseKind, type TestContext } from '../../../test/server.js';
import { databaseExecutor, JOBS_SCHEMA } from './jobs.js';
import { analyzeIfNeverAnalysed, unanalysedTables } from './planner-statistics.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const estimatedRows = async (table: string) => {
  const { rows } = (await t.database.db.execute(
    sql`select reltuples::int as n from pg_class where relname = ${table} and relkind = 'r'`,
  )) as unknown as { rows: { n: number }[] };
  return rows[0]?.n;
};

/** Fewer rows than PostgreSQL's autoanalyze threshold (50), so only this code can analyse them. */
async function newTable(name: string) {
  await t.database.db.execute(sql.raw(`create table ${name} (x int)`));
  await t.database.db.execute(sql.raw(`insert into ${name} select generate_series(1, 40)`));
}

describe('planner statistics', () => {
  it('are gathered once for tables that never had any, and not again', async () => {
    await newTable('planner_probe');
    expect(await estimatedRows('planner_probe')).toBe(-1);
    expect(await unanalysedTables(t.database.db)).toBeGreaterThan(0);

    expect(await analyzeIfNeverAnalysed(t.database.db)).toBe(true);
    expect(await estimatedRows('planner_probe')).toBe(40);
    expect(await unanalysedTables(t.database.db)).toBe(0);
    expect(await analyzeIfNeverAnalysed(t.database.db)).toBe(false);
  });

  it.runIf(databaseKind === 'pglite')('are refreshed nightly by a job on the embedded database', async () => {
    const { rows } = await databaseExecutor(t.database).executeSql(`select name, cron from ${JOBS_SCHEMA}.schedule`);
    expect(rows).toContainEqual({ name: 'platform.planner-statistics', cron: '23 19 * * *' });

    await newTable('planner_nightly');
    await t.app.jobs.send('platform.planner-statistics');
    await t.app.jobs.runDue();
    expect(await estimatedRows('planner_nightly')).toBe(40);
  });

  it.runIf(databaseKind === 'postgres')('are left to autovacuum on PostgreSQL', async () => {
    const { rows } = await databaseExecutor(t.database).executeSql(`select name from ${JOBS_SCHEMA}.schedule`);
    expect(rows.map((r) => r.name)).not.toContain('platform.planner-statistics');
  });
});
