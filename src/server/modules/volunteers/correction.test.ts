/** Staff correcting a volunteer's name, ID number, phone and status, with a reason, audited. */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../test/factories.js';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { otherCommunityKeeper } from '../../../../test/volunteers.js';
import { DEMO_VOLUNTEER_ID_NUMBER } from '../../demo/seed-demo.js';
import { auditLog } from '../../platform/audit-schema.js';
import { users } from '../accounts/index.js';
import { volunteers } from './schema.js';

let t: TestContext;
let keeper: Client;
let otherKeeper: Client;
beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  otherKeeper = await otherCommunityKeeper(t.app, t.database);
});
afterAll(() => t.close());

/** A fresh active volunteer of 北门外社区 (the demo keeper's community). */
async function freshVolunteer() {
  const user = await makeUser(t.database, { displayName: '张错名' });
  const [row] = await t.database.db.select().from(volunteers).where(eq(volunteers.userId, user.id));
  if (!row) throw new Error('no volunteer');
  return { ...user, volunteerId: row.id };
}

const rowOf = async (id: string) => {
  const [row] = await t.database.db
    .select({ v: volunteers, phone: users.phone, displayName: users.displayName })
    .from(volunteers)
    .innerJoin(users, eq(users.id, volunteers.userId))
    .where(eq(volunteers.id, id));
  return row;
};

const corrections = (id: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'volunteer.correct'), eq(auditLog.entityId, id)));

describe('staff correct a volunteer’s record', () => {
  it('changes name, ID number, phone and status, keeps the ID sealed and audits masked values', async () => {
    const v = await freshVolunteer();
    const newId = idNumber('19780523', 515);
    const res = await keeper.request({
      method: 'PATCH',
      url: `/api/v1/volunteers/${v.volunteerId}`,
      payload: {
        name: '张正名',
        idNumber: newId.toLowerCase(),
        phone: '13900005001',
        status: 'suspended',
        reason: '登记时姓名和身份证号录错，本人持证到站核实',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '张正名',
      phone: '13900005001',
      status: 'suspended',
      statusReason: '登记时姓名和身份证号录错，本人持证到站核实',
      idNumberMasked: `${newId.slice(0, 4)}**********${newId.slice(-4)}`,
      birthYear: 1978,
      gender: 'male',
      can: { correct: true },
    });
    expect(res.body).not.toContain(newId);

    // The owner signs in with the new phone and sees the corrected number in full.
    const owner = await signIn(t.app, '13900005001');
    expect((await owner.get('/api/v1/me')).json()).toMatchObject({ phone: '13900005001', displayName: '张正名' });
    expect((await owner.get('/api/v1/me/volunteer')).json().idNumber).toBe(newId);
    expect((await keeper.post(`/api/v1/volunteers/${v.volunteerId}/reveal-id`)).json()).toEqual({ idNumber: newId });

    const raw = (await t.database.db.execute(sql`select * from volunteers where id = ${v.volunteerId}`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    expect(JSON.stringify(raw.rows)).not.toContain(newId);
    expect(JSON.stringify(raw.rows)).not.toContain(newId.slice(6, 14));

    const audit = await corrections(v.volunteerId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ regionCode: '371002002005', entityType: 'volunteer' });
    expect(audit[0]?.detail).toEqual({
      reason: '登记时姓名和身份证号录错，本人持证到站核实',
      changes: {
        name: { from: '张**', to: '张**' },
        idNumber: { from: expect.stringMatching(/^3710\*{10}\w{4}$/), to: `3710**********${newId.slice(-4)}` },
        phone: { from: `${v.phone.slice(0, 3)}****${v.phone.slice(-4)}`, to: '139****5001' },
        status: { from: 'active', to: 'suspended' },
      },
    });
    const text = JSON.stringify(audit);
    for (const clear of [newId, '张正名', '张错名', '13900005001', v.phone]) expect(text).not.toContain(clear);
  });

  it('is refused to a keeper of another community exactly like a missing volunteer, and changes nothing', async () => {
    const v = await freshVolunteer();
    const before = await rowOf(v.volunteerId);
    const payload = { name: '冒改名', phone: '13900005002', status: 'suspended', reason: '越权测试' };
    const outside = await otherKeeper.request({ method: 'PATCH', url: `/api/v1/volunteers/${v.volunteerId}`, payload });
    const missing = await otherKeeper.request({
      method: 'PATCH',
      url: '/api/v1/volunteers/00000000-0000-4000-8000-000000000000',
      payload,
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual(missing.json());
    const volunteer = await signIn(t.app, demo.volunteer);
    const self = await volunteer.request({ method: 'PATCH', url: `/api/v1/volunteers/${v.volunteerId}`, payload });
    expect(self.statusCode).toBe(403);
    expect(await rowOf(v.volunteerId)).toEqual(before);
    expect(await corrections(v.volunteerId)).toEqual([]);
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    const v = await freshVolunteer();
    const before = await rowOf(v.volunteerId);
    const goodId = idNumber('19800101', 517);
    const badCheck = goodId.slice(0, 17) + (goodId[17] === '1' ? '2' : '1');
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ name: '张正名' }, 400, 'body.reason'],
      [{ name: '张正名', reason: '  ' }, 400, 'body.reason', '请填写更正原因'],
      [{ name: '张😀', reason: '录错' }, 400, 'body.name'],
      [{ idNumber: badCheck, reason: '录错' }, 400, 'body.idNumber', '身份证号校验位不正确，请核对'],
      [{ phone: '1234', reason: '录错' }, 400, 'body.phone'],
      [{ status: 'gone', reason: '录错' }, 400, 'body.status'],
      [{ phone: demo.judge, reason: '录错' }, 409, 'body.phone', '该手机号已被其他账号使用，不能更正为此号码'],
      [{ idNumber: DEMO_VOLUNTEER_ID_NUMBER, reason: '录错' }, 409, 'body.idNumber', '该身份证号已登记为另一位志愿者'],
      [{ name: '张错名', reason: '没有变化' }, 400, 'body', '没有需要更正的内容'],
    ];
    for (const [payload, status, field, message] of cases) {
      const res = await keeper.request({ method: 'PATCH', url: `/api/v1/volunteers/${v.volunteerId}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      const { error } = res.json();
      expect(typeof error.code).toBe('string');
      expect(error.messageEn).toEqual(expect.any(String));
      expect(error.details[0].field, JSON.stringify(payload)).toBe(field);
      if (message) expect(error.details[0].message).toContain(message);
    }
    expect(await rowOf(v.volunteerId)).toEqual(before);
    expect(await corrections(v.volunteerId)).toEqual([]);
  });
});
