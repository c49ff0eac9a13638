import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { lastCodeTo } from '../../../../test/sms.js';
import { DEMO_PASSWORD } from '../../demo/seed-demo.js';
import { auditLog } from '../../platform/audit-schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const lastCode = (phone: string) => lastCodeTo(t.app, phone);

describe('password reset by SMS code', () => {
  it('answers alike for a registered and an unknown phone, and texts only the registered one', async () => {
    const known = await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: demo.resident });
    const unknown = await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: '13999990000' });
    expect(known.statusCode).toBe(200);
    expect(known.json()).toEqual(unknown.json());
    expect(await lastCode(demo.resident)).toMatch(/^\d{6}$/);
    expect(await lastCode('13999990000')).toBeUndefined();
  });

  it('sets the new password with the right code only, ends old sessions, and audits it', async () => {
    const old = await signIn(t.app, demo.resident);
    const code = (await lastCode(demo.resident)) as string;
    const wrong = await anonymous(t.app).post('/api/v1/auth/password-reset/confirm', {
      phone: demo.resident,
      code: code === '000000' ? '111111' : '000000',
      newPassword: 'Reset2026abc',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'body.code', message: '验证码不正确或已过期' });
    const weak = await anonymous(t.app).post('/api/v1/auth/password-reset/confirm', {
      phone: demo.resident,
      code,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('body.newPassword');
    const ok = await anonymous(t.app).post('/api/v1/auth/password-reset/confirm', {
      phone: demo.resident,
      code,
      newPassword: 'Reset2026abc',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await old.get('/api/v1/me')).statusCode).toBe(401);
    const again = await anonymous(t.app).post('/api/v1/auth/password-reset/confirm', {
      phone: demo.resident,
      code,
      newPassword: 'Another2026abc',
    });
    expect(again.statusCode).toBe(400);
    await expect(signIn(t.app, demo.resident, DEMO_PASSWORD)).rejects.toThrow();
    await signIn(t.app, demo.resident, 'Reset2026abc');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'password.reset')));
    expect(audit).toHaveLength(1);
  });
});
