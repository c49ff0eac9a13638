import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { organisationMembers } from '../organisations/index.js';
import { recordService } from './index.js';

let t: TestContext;
const COMMUNITY = '371002002005';

/** A team of community A with a leader and a member (rows written as the join flow writes them). */
async function team(name: string) {
  const centre = await signIn(t.app, demo.centreAdmin);
  const made = await centre.post('/api/v1/organisations', {
    kind: 'team',
    name,
    regionCode: COMMUNITY,
    joinMode: 'approval',
  });
  expect(made.statusCode, made.body).toBeLessThan(300);
  const id: string = made.json().id;
  const leader = await makeUser(t.database);
  const member = await makeUser(t.database);
  await t.database.db.insert(organisationMembers).values([
    { tenantId: '371002', organisationId: id, userId: leader.id, role: 'leader' },
    { tenantId: '371002', organisationId: id, userId: member.id, role: 'member' },
  ]);
  return { id, leader, member };
}

let serial = 0;
async function pending(organisationId: string, volunteerUserId: string) {
  const { record } = await recordService(t.database.db, {
    tenantId: '371002',
    volunteerUserId,
    source: { type: 'manual', id: `leader-confirm-${++serial}` },
    regionCode: COMMUNITY,
    organisationId,
    content: '蓝色周六·海滨清洁',
    minutes: 120,
  });
  return record.id;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('team leaders confirm their own team’s hours', () => {
  it('a leader of team A confirms A’s records, not team B’s and not their own', async () => {
    const a = await team('鲸园蓝志愿服务队A');
    const b = await team('鲸园蓝志愿服务队B');
    const ofA = await pending(a.id, a.member.id);
    const ofB = await pending(b.id, b.member.id);
    const own = await pending(a.id, a.leader.id);

    const leaderA = await signIn(t.app, a.leader.phone);
    const res = await leaderA.post('/api/v1/service-records/confirm', { ids: [ofA, ofB, own] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      confirmed: [ofA],
      skipped: expect.arrayContaining([
        { id: ofB, reason: 'not_found' },
        { id: own, reason: 'own_record' },
      ]),
    });
    expect(res.json().skipped).toHaveLength(2);

    // A plain member of team A confirms nothing; team B's leader confirms B's record and A's leader's own.
    const memberA = await signIn(t.app, a.member.phone);
    const other = await pending(a.id, a.leader.id);
    const refused = (await memberA.post('/api/v1/service-records/confirm', { ids: [other] })).json();
    expect(refused).toEqual({ confirmed: [], skipped: [{ id: other, reason: 'not_found' }] });
    const leaderB = await signIn(t.app, b.leader.phone);
    const byB = (await leaderB.post('/api/v1/service-records/confirm', { ids: [ofB, own] })).json();
    expect(byB).toEqual({ confirmed: [ofB], skipped: [{ id: own, reason: 'not_found' }] });

    // The station keeper of the community still confirms A's leader's record.
    const keeper = await signIn(t.app, demo.keeper);
    expect((await keeper.post('/api/v1/service-records/confirm', { ids: [own] })).json().confirmed).toEqual([own]);
    const mine = (await leaderA.get('/api/v1/me/service-records')).json();
    expect(mine.items.find((r: { id: string }) => r.id === own)).toMatchObject({
      status: 'confirmed',
      confirmedBy: { name: expect.any(String) },
    });
  });
});

describe('team leaders list and refuse their own team’s pending hours', () => {
  it('lists the team’s pending records without the leader’s own; others’ teams are 404 or empty', async () => {
    const a = await team('鲸园蓝志愿服务队C');
    const b = await team('鲸园蓝志愿服务队D');
    const ofA = await pending(a.id, a.member.id);
    const ofB = await pending(b.id, b.member.id);
    const own = await pending(a.id, a.leader.id);
    const leaderA = await signIn(t.app, a.leader.phone);

    const list = await leaderA.get('/api/v1/me/team-service-records');
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().items.map((r: { id: string }) => r.id);
    expect(ids).toEqual([ofA]);
    expect(list.json().items[0]).toMatchObject({
      status: 'pending',
      organisation: { id: a.id },
      can: { confirm: true, reject: true },
    });
    expect(ids).not.toContain(own);
    expect(ids).not.toContain(ofB);
    expect((await leaderA.get(`/api/v1/me/team-service-records?teamId=${a.id}`)).json().items).toHaveLength(1);
    expect((await leaderA.get(`/api/v1/me/team-service-records?teamId=${b.id}`)).statusCode).toBe(404);
    const memberA = await signIn(t.app, a.member.phone);
    const none = await memberA.get('/api/v1/me/team-service-records');
    expect(none.statusCode).toBe(200);
    expect(none.json().items).toEqual([]);

    // Refusing: the leader refuses A's record with a reason, not B's and not their own.
    expect((await leaderA.post(`/api/v1/service-records/${ofB}/reject`, { reason: '不是本队的记录' })).statusCode).toBe(
      404,
    );
    expect((await leaderA.post(`/api/v1/service-records/${own}/reject`, { reason: '本人的记录' })).statusCode).toBe(
      404,
    );
    expect((await memberA.post(`/api/v1/service-records/${ofA}/reject`, { reason: '队员不能驳回' })).statusCode).toBe(
      404,
    );
    const short = await leaderA.post(`/api/v1/service-records/${ofA}/reject`, { reason: ' ' });
    expect(short.statusCode).toBe(400);
    const refused = await leaderA.post(`/api/v1/service-records/${ofA}/reject`, { reason: '当天未到岗' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ id: ofA, status: 'rejected', rejectReason: '当天未到岗' });
    expect((await leaderA.get('/api/v1/me/team-service-records')).json().items).toEqual([]);
    const rejected = (await leaderA.get('/api/v1/me/team-service-records?status=rejected')).json().items;
    expect(rejected.map((r: { id: string }) => r.id)).toEqual([ofA]);
    const again = await leaderA.post(`/api/v1/service-records/${ofA}/reject`, { reason: '当天未到岗' });
    expect(again.statusCode).toBe(409);
  });
});
