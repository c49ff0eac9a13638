/** What a dump of the database (a PGlite folder or pg_dump) holds about an ID number: nothing to rebuild it from. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { anonymous, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { withRegistrationCode } from '../../../../test/sms.js';
import { maskIdNumber } from '../../../shared/id-card.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Rows<T> = { rows: T[] };

/** Every column of every table, each cast to text, searched for any of the needles. */
async function columnsContaining(needles: string[]): Promise<string[]> {
  const columns = (
    (await t.database.db.execute(sql`
      select c.table_schema as s, c.table_name as t, c.column_name as c
      from information_schema.columns c
      join information_schema.tables tb
        on tb.table_schema = c.table_schema and tb.table_name = c.table_name and tb.table_type = 'BASE TABLE'
      where c.table_schema not in ('pg_catalog', 'information_schema')`)) as unknown as Rows<{
      s: string;
      t: string;
      c: string;
    }>
  ).rows;
  expect(columns.length).toBeGreaterThan(100);
  const hits: string[] = [];
  const patterns = sql.join(
    needles.map((n) => sql`${`%${n}%`}`),
    sql`, `,
  );
  for (const col of columns) {
    const res = (await t.database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(col.s)}.${sql.identifier(col.t)}
          where ${sql.identifier(col.c)}::text like any (array[${patterns}]::text[])`,
    )) as unknown as Rows<{ n: number }>;
    if (res.rows[0]?.n) hits.push(`${col.s}.${col.t}.${col.c}`);
  }
  return hits;
}

describe('an ID number at rest', () => {
  it('leaves no column holding the number, its masked form or the full birth date', async () => {
    const desk = idNumber('19850612', 731);
    const online = idNumber('19910823', 734);
    const keeper = await signIn(t.app, demo.keeper);
    const res = await keeper.post('/api/v1/volunteers', {
      name: '钱存储',
      phone: '13900007301',
      idNumber: desk,
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const reg = await anonymous(t.app).post(
      '/api/v1/volunteer-registrations',
      await withRegistrationCode(t.app, {
        name: '孙存储',
        phone: '13900007302',
        password: 'Volunteer2026',
        idNumber: online,
        regionCode: '371002002005',
        consent: true,
      }),
    );
    expect(reg.statusCode, reg.body).toBe(201);
    // Staff still see the masked form, derived when read; the owner sees the birth date.
    const listed = (await keeper.get('/api/v1/volunteers?q=钱存储')).json().items[0];
    expect(listed.idNumberMasked).toBe(maskIdNumber(desk));
    const mine = (await anonymousOwner('13900007302')).json();
    expect(mine).toMatchObject({ idNumber: online, birthDate: '1991-08-23', birthYear: 1991 });

    const needles = [desk, online].flatMap((n) => [
      n,
      maskIdNumber(n),
      n.slice(0, 4) + n.slice(-4),
      n.slice(6, 14),
      `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
    ]);
    expect(await columnsContaining(needles)).toEqual([]);
  });
});

function anonymousOwner(phone: string) {
  return signIn(t.app, phone, 'Volunteer2026').then((c) => c.get('/api/v1/me/volunteer'));
}
