/** Registration at the station desk by staff. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { deskBody as desk, OTHER_COMMUNITY, otherCommunityKeeper } from '../../../../test/volunteers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await otherCommunityKeeper(t.app, t.database);
});
afterAll(() => t.close());

describe('registration at the station desk', () => {
  it('takes name, phone, ID number and consent, defaults to the keeper’s community, and returns a one-time password', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const res = await keeper.post('/api/v1/volunteers', desk());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.accountExisted).toBe(false);
    expect(body.initialPassword).toMatch(/^(?=.*[a-z])(?=.*\d)[a-z\d]{8}$/);
    expect(body.volunteer).toMatchObject({
      name: '王小明',
      status: 'active',
      registeredVia: 'desk',
      region: { code: '371002002005' },
      phone: '13900001001',
      gender: 'male',
      birthYear: 1985,
    });
    expect(JSON.stringify(body)).not.toContain(desk().idNumber);

    const volunteer = await signIn(t.app, '13900001001', body.initialPassword);
    expect((await volunteer.get('/api/v1/me')).json().mustChangePassword).toBe(true);
    const change = await volunteer.post('/api/v1/auth/password', {
      currentPassword: body.initialPassword,
      newPassword: 'MyOwnPass2026',
    });
    expect(change.statusCode, change.body).toBe(200);
    expect((await volunteer.get('/api/v1/me')).json().mustChangePassword).toBe(false);
  });

  it('never writes an identity onto an existing account: the judge’s and an admin’s phones are refused', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    for (const [phone, seq] of [
      [demo.judge, 121],
      [demo.instituteAdmin, 123],
    ] as const) {
      const before = (await (await signIn(t.app, phone)).get('/api/v1/me')).json();
      const res = await keeper.post('/api/v1/volunteers', desk({ phone, idNumber: idNumber('19660202', seq) }));
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.details[0]).toMatchObject({ field: 'body.phone' });
      expect(res.json().error.details[0].message).toContain('请本人登录');
      const owner = await signIn(t.app, phone);
      expect((await owner.get('/api/v1/me')).json()).toEqual(before);
      expect((await owner.get('/api/v1/me/volunteer')).statusCode).toBe(404);
    }
    const [{ n }] = (
      (await t.database.db.execute(
        sql`select count(*)::int as n from volunteers v join users u on u.id = v.user_id
            where u.phone in (${demo.judge}, ${demo.instituteAdmin})`,
      )) as unknown as { rows: [{ n: number }] }
    ).rows;
    expect(n).toBe(0);
  });

  it('accepts a community in scope and refuses one outside it like one that does not exist', async () => {
    const admin = await signIn(t.app, demo.instituteAdmin);
    const missing = await admin.post(
      '/api/v1/volunteers',
      desk({ phone: '13900001002', idNumber: idNumber('19880808', 131) }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('body.regionCode');
    const outside = await admin.post(
      '/api/v1/volunteers',
      desk({ phone: '13900001002', idNumber: idNumber('19880808', 131), regionCode: OTHER_COMMUNITY }),
    );
    const unknown = await admin.post(
      '/api/v1/volunteers',
      desk({ phone: '13900001002', idNumber: idNumber('19880808', 131), regionCode: '371002002999' }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toEqual(unknown.json());
    const ok = await admin.post(
      '/api/v1/volunteers',
      desk({ phone: '13900001002', idNumber: idNumber('19880808', 131), regionCode: '371002002001' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('gives concurrent registrations distinct consecutive volunteer numbers', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        keeper.post(
          '/api/v1/volunteers',
          desk({ phone: `1390000110${i}`, idNumber: idNumber('19900101', 401 + 2 * i) }),
        ),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().volunteer.number as string).sort();
    expect(new Set(numbers).size).toBe(8);
    const seqs = numbers.map((n) => Number(n.slice(-6)));
    expect(seqs.at(-1)! - seqs[0]!).toBe(7);
  });
});
