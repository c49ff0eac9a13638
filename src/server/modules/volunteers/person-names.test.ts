import { afterAll, beforeAll, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { anonymous, createTestApp, type TestContext } from '../../../../test/server.js';
import { withRegistrationCode } from '../../../../test/sms.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const register = async (name: string, n: number, client = anonymous(t.app)) =>
  client.post(
    '/api/v1/volunteer-registrations',
    await withRegistrationCode(t.app, {
      name,
      phone: `1760000${String(n).padStart(4, '0')}`,
      password: 'Names-2026-pass',
      idNumber: idNumber('19900101', 300 + n),
      regionCode: '371002002005',
      consent: true,
    }),
  );

it('refuses emoji and junk in a real name, naming the field', async () => {
  for (const [n, name] of ['张三😀', 'x'.repeat(41), '<b>李四</b>', '王5'].entries()) {
    const res = await register(name, n);
    expect(res.statusCode, name).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('body.name');
  }
});

it('accepts a minority name with any middle dot and stores one kind', async () => {
  const client = anonymous(t.app);
  const res = await register('阿依古丽・买买提', 10, client);
  expect(res.statusCode, res.body).toBe(201);
  expect((await client.get('/api/v1/me/volunteer')).json().name).toBe('阿依古丽·买买提');
  expect((await register('Anne-Marie O’Neil', 11)).statusCode).toBe(201);
});
