/** The registration ages as a setting: staff read them, centre admins change them within national bounds, audited. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { volunteerSettings } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const put = (c: Client, payload: unknown) =>
  c.request({ method: 'PUT', url: '/api/v1/volunteer-settings', payload: payload as never });
const stored = () => t.database.db.select().from(volunteerSettings).where(eq(volunteerSettings.tenantId, '371002'));

describe('volunteer settings', () => {
  it('shows the national defaults to staff until a centre admin changes them; the registration form follows', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    expect((await keeper.get('/api/v1/volunteer-settings')).json()).toEqual({ adultAge: 18, minAgeOnOwn: 8 });
    const volunteer = await signIn(t.app, demo.volunteer);
    expect((await volunteer.get('/api/v1/volunteer-settings')).statusCode).toBe(403);

    const centre = await signIn(t.app, demo.centreAdmin);
    const saved = await put(centre, { adultAge: 16, minAgeOnOwn: 10 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ adultAge: 16, minAgeOnOwn: 10 });
    expect((await keeper.get('/api/v1/volunteer-settings')).json()).toEqual({ adultAge: 16, minAgeOnOwn: 10 });
    const options = await anonymous(t.app).get('/api/v1/volunteer-registration/options');
    expect(options.json().ageRules).toMatchObject({ adultAge: 16, minAgeOnOwn: 10 });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'volunteer_settings.update'));
    expect(audit.map((a) => a.detail)).toEqual([
      { before: { adultAge: 18, minAgeOnOwn: 8 }, after: { adultAge: 16, minAgeOnOwn: 10 } },
    ]);
  });

  it('refuses a keeper, ages outside the national bounds and a minimum above the age of majority, changing nothing', async () => {
    const before = await stored();
    const keeper = await signIn(t.app, demo.keeper);
    expect((await put(keeper, { adultAge: 18, minAgeOnOwn: 8 })).statusCode).toBe(403);
    const centre = await signIn(t.app, demo.centreAdmin);
    for (const [body, field] of [
      [{ adultAge: 15, minAgeOnOwn: 8 }, 'body.adultAge'],
      [{ adultAge: 19, minAgeOnOwn: 8 }, 'body.adultAge'],
      [{ adultAge: 18, minAgeOnOwn: 7 }, 'body.minAgeOnOwn'],
      [{ adultAge: 16, minAgeOnOwn: 17 }, 'body.minAgeOnOwn'],
      [{ adultAge: 17.5, minAgeOnOwn: 8 }, 'body.adultAge'],
    ] as const) {
      const res = await put(centre, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    expect(await stored()).toEqual(before);
  });
});
