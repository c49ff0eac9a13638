import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRepeatedStatements } from './pglite-statements.js';

/** Two clients on the same schema: one as PGlite ships it, one with repeated statements prepared by name. */
let plain: PGlite;
let named: PGlite;

const schema = `
  create table things (id int primary key, label text not null, at timestamptz, tags text[], doc jsonb, amount numeric);
  insert into things values
    (1, '甲', '2026-12-01T08:00:00Z', '{a,b}', '{"k": 1}', 12.5),
    (2, '乙', null, '{}', null, null);
`;

/** Statements prepared on `db`, but for this look-up (which, once repeated, is one too). */
const preparedNames = async (db: PGlite) =>
  (
    await db.query<{ name: string }>(
      "select name from pg_prepared_statements where statement not like '%pg_prepared_statements%' order by name",
    )
  ).rows.map((r) => r.name);

beforeAll(async () => {
  plain = new PGlite();
  named = prepareRepeatedStatements(new PGlite());
  await plain.exec(schema);
  await named.exec(schema);
});

afterAll(async () => {
  await plain.close();
  await named.close();
});

describe('PGlite with repeated statements prepared by name', () => {
  it('prepares a statement text on its second use, not its first', async () => {
    const text = 'select label from things where id = $1';
    await named.query(text, [1]);
    expect(await preparedNames(named)).toEqual([]);
    await named.query(text, [2]);
    await named.query(text, [1]);
    const names = await preparedNames(named);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^lf_\d+$/);
  });

  it('answers exactly as the plain client: types, nulls, arrays, JSON, row modes and parsers', async () => {
    const text = 'select id, label, at, tags, doc, amount from things where id = any($1::int[]) order by id';
    const options = [
      undefined,
      { rowMode: 'array' as const },
      { rowMode: 'array' as const, parsers: { 1184: (v: string) => `raw:${v}` } },
    ];
    for (const option of options) {
      const expected = await plain.query(text, [[1, 2]], option);
      for (let i = 0; i < 3; i++) {
        const got = await named.query(text, [[1, 2]], option);
        expect(got.rows).toEqual(expected.rows);
        expect(got.fields).toEqual(expected.fields);
      }
    }
  });

  it('reports the rows a write changed, and its RETURNING rows', async () => {
    for (const id of [10, 11, 12]) {
      const done = await named.query('insert into things (id, label) values ($1, $2)', [id, `n${id}`]);
      expect(done.affectedRows).toBe(1);
      expect(done.rows).toEqual([]);
    }
    for (const id of [10, 11]) {
      const back = await named.query<{ label: string }>('update things set label = $2 where id = $1 returning label', [
        id,
        `m${id}`,
      ]);
      expect(back.rows).toEqual([{ label: `m${id}` }]);
    }
  });

  it('raises the database error of a prepared statement and stays usable', async () => {
    const text = 'insert into things (id, label) values ($1, $2)';
    await named.query(text, [20, 'x']);
    await named.query(text, [21, 'y']);
    await expect(named.query(text, [20, 'again'])).rejects.toMatchObject({ code: '23505' });
    await expect(named.query(text, [null, 'no id'])).rejects.toMatchObject({ code: '23502' });
    expect((await named.query(text, [22, 'z'])).affectedRows).toBe(1);
    expect((await named.query<{ n: number }>('select count(*)::int as n from things where id >= 20')).rows).toEqual([
      { n: 3 },
    ]);
  });

  it('serves queries issued during a transaction after it, each with its own answer', async () => {
    const text = 'select label from things where id = $1';
    const tx = named.transaction(async (t) => {
      await t.query('update things set label = $1 where id = 1', ['甲改']);
      await t.query('select pg_sleep(0.05)');
      await t.query('update things set label = $1 where id = 1', ['甲']);
    });
    const reads = Array.from({ length: 40 }, (_, i) => named.query<{ label: string }>(text, [(i % 2) + 1]));
    await tx;
    const labels = (await Promise.all(reads)).map((r) => r.rows[0]?.label);
    expect(labels).toEqual(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? '甲' : '乙')));
  });

  it('falls back when the schema changes the columns under a prepared statement', async () => {
    const text = 'select * from things where id = $1';
    await named.query(text, [1]);
    await named.query(text, [1]);
    await named.exec('alter table things add column extra text');
    const after = await named.query<Record<string, unknown>>(text, [1]);
    expect(after.rows[0]).toHaveProperty('extra', null);
    expect((await named.query<Record<string, unknown>>(text, [2])).rows[0]).toHaveProperty('extra', null);
  });

  it('prepares repeated statements inside transactions too, and a rollback undoes their writes', async () => {
    const insert = 'insert into things (id, label) values ($1, $2) returning label';
    const before = (await preparedNames(named)).length;
    await named.transaction(async (t) => {
      for (const id of [30, 31, 32]) {
        expect((await t.query<{ label: string }>(insert, [id, `t${id}`])).rows).toEqual([{ label: `t${id}` }]);
      }
    });
    expect((await preparedNames(named)).length).toBe(before + 1);
    await expect(
      named.transaction(async (t) => {
        await t.query(insert, [33, 't33']);
        await t.query(insert, [30, 'taken']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await named.transaction(async (t) => {
      await t.query(insert, [34, 't34']);
      await t.rollback();
    });
    const kept = await named.query<{ id: number }>('select id from things where id between 30 and 39 order by id');
    expect(kept.rows.map((r) => r.id)).toEqual([30, 31, 32]);
    const written = await named.transaction((t) => t.query<{ label: string }>(insert, [35, 't35']));
    expect(written.rows).toEqual([{ label: 't35' }]);
  });

  it('refuses a statement on a transaction that has ended', async () => {
    const text = 'select label from things where id = $1';
    let kept: { query: PGlite['query'] } | undefined;
    await named.transaction(async (t) => {
      await t.query(text, [1]);
      await t.query(text, [2]);
      kept = t;
    });
    await expect(kept?.query(text, [1])).rejects.toThrow('Transaction is closed');
  });

  it('inside a transaction, raises a changed schema once and prepares the statement afresh', async () => {
    const text = 'select * from things where id = $1';
    await named.transaction(async (t) => {
      await t.query(text, [1]);
      await t.query(text, [1]);
    });
    await named.exec('alter table things add column later text');
    await expect(named.transaction((t) => t.query(text, [1]))).rejects.toMatchObject({ code: '0A000' });
    for (let i = 0; i < 3; i++) {
      const row = (await named.transaction((t) => t.query<Record<string, unknown>>(text, [2]))).rows[0];
      expect(row).toHaveProperty('later', null);
    }
  });
});
