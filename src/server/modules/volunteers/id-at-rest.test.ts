/** The ID number at rest (sealed) and on the wire (masked for staff, revealed only through the audited route). */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { deskBody as desk } from '../../../../test/volunteers.js';
import { DEMO_VOLUNTEER_ID_NUMBER } from '../../demo/seed-demo.js';
import { auditLog } from '../../platform/audit-schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  // One desk registration, so that a number entered by staff is among those looked for below.
  const res = await (await signIn(t.app, demo.keeper)).post('/api/v1/volunteers', desk());
  if (res.statusCode !== 201) throw new Error(res.body);
});
afterAll(() => t.close());

describe('the ID number at rest and on the wire', () => {
  it('is stored only encrypted: the raw row and the audit log never hold it in clear', async () => {
    const raw = (await t.database.db.execute(sql`select * from volunteers where name = '李志愿'`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    expect(raw.rows).toHaveLength(1);
    const text = JSON.stringify(raw.rows[0]);
    expect(text).not.toContain(DEMO_VOLUNTEER_ID_NUMBER);
    expect(text).not.toContain(DEMO_VOLUNTEER_ID_NUMBER.slice(4, 14));
    expect(raw.rows[0]).not.toHaveProperty('id_number_masked');
    expect(raw.rows[0]).not.toHaveProperty('birth_date');
    const all = (await t.database.db.execute(sql`select * from volunteers`)) as unknown as { rows: unknown[] };
    const audit = await t.database.db.select().from(auditLog);
    for (const id of [DEMO_VOLUNTEER_ID_NUMBER, desk().idNumber]) {
      expect(JSON.stringify(all.rows)).not.toContain(id);
      expect(JSON.stringify(audit)).not.toContain(id);
    }
  });

  it('is masked for staff and shown in full only through the audited reveal', async () => {
    const admin = await signIn(t.app, demo.instituteAdmin);
    const list = await admin.get('/api/v1/volunteers?q=李志愿');
    expect(list.statusCode).toBe(200);
    const [item] = list.json().items;
    expect(item).toMatchObject({ name: '李志愿', idNumberMasked: '3710**********1233', phoneMasked: '138****0005' });
    expect(list.body).not.toContain(DEMO_VOLUNTEER_ID_NUMBER);
    const detail = await admin.get(`/api/v1/volunteers/${item.id}`);
    expect(detail.body).not.toContain(DEMO_VOLUNTEER_ID_NUMBER);
    expect(detail.json()).toMatchObject({ phone: demo.volunteer, can: { revealIdNumber: true } });

    const before = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'pii.reveal'));
    const reveal = await admin.post(`/api/v1/volunteers/${item.id}/reveal-id`);
    expect(reveal.json()).toEqual({ idNumber: DEMO_VOLUNTEER_ID_NUMBER });
    const after = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'pii.reveal'));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ entityType: 'volunteer', entityId: item.id, regionCode: '371002002005' });

    const owner = await signIn(t.app, demo.volunteer);
    expect((await owner.get('/api/v1/me/volunteer')).json().idNumber).toBe(DEMO_VOLUNTEER_ID_NUMBER);
  });
});
