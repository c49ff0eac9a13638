import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, userIdOf } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';

let t: TestContext;
const BEIMENWAI = '371002002005';
const OTHER_COMMUNITY = '371002002001';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const patch = (c: Client, url: string, payload: unknown) =>
  c.request({ method: 'PATCH', url, payload: payload as never });
const del = (c: Client, url: string) => c.request({ method: 'DELETE', url });

async function orgIdByName(name: string): Promise<string> {
  const res = await anonymous(t.app).get(`/api/v1/organisations?q=${encodeURIComponent(name)}`);
  const org = res.json().items.find((o: { name: string }) => o.name === name);
  if (!org) throw new Error(`no organisation ${name}`);
  return org.id;
}

async function createOrg(staff: Client, body: Record<string, unknown>): Promise<string> {
  const res = await staff.post('/api/v1/organisations', { kind: 'team', regionCode: BEIMENWAI, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function inbox(c: Client) {
  return (await c.get('/api/v1/me/notifications')).json() as {
    items: {
      kind: string;
      title: string;
      body: string;
      link: string | null;
      data: { params?: Record<string, string> };
    }[];
    unreadCount: number;
  };
}

describe('the public directory', () => {
  it('lists organisations to anyone with the contact phone masked', async () => {
    const res = await anonymous(t.app).get('/api/v1/organisations');
    expect(res.statusCode).toBe(200);
    const byName = new Map(res.json().items.map((o: { name: string }) => [o.name, o]));
    expect(byName.get('鲸园蓝志愿服务队')).toMatchObject({
      kind: 'team',
      joinMode: 'approval',
      contactPhone: '138****0004',
      region: { code: '371002002', name: expect.any(String) },
      memberCount: 1,
    });
    expect(byName.get('鲸园暖心便民超市')).toMatchObject({ kind: 'caring_merchant' });
    expect(byName.get('威海银行鲸园支行')).toMatchObject({ kind: 'bank_outlet' });
  });

  it('filters by kind and name and pages with a cursor', async () => {
    const anon = anonymous(t.app);
    const merchants = (await anon.get('/api/v1/organisations?kind=caring_merchant')).json().items;
    expect(merchants.map((o: { name: string }) => o.name)).toEqual(['北门外惠民粮油店', '鲸园暖心便民超市']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/organisations?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await anon.get(url)).json();
      seen.push(...page.items.map((o: { id: string }) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await anon.get('/api/v1/organisations')).json().items.map((o: { id: string }) => o.id);
    expect(seen).toEqual(all);
    expect((await anon.get('/api/v1/organisations?cursor=bad')).statusCode).toBe(400);
  });

  it('shows the full phone and abilities only to those who manage the organisation', async () => {
    const id = await orgIdByName('鲸园蓝志愿服务队');
    const pub = (await anonymous(t.app).get(`/api/v1/organisations/${id}`)).json();
    expect(pub.contactPhone).toBe('138****0004');
    expect(pub.can).toEqual({ join: false, manage: false, edit: false, administer: false });
    const leader = (await (await signIn(t.app, demo.orgAdmin)).get(`/api/v1/organisations/${id}`)).json();
    expect(leader.contactPhone).toBe('13800000004');
    expect(leader.my.role).toBe('leader');
    expect(leader.can).toMatchObject({ manage: true, edit: true, administer: false });
    const institute = (await (await signIn(t.app, demo.instituteAdmin)).get(`/api/v1/organisations/${id}`)).json();
    expect(institute.can).toMatchObject({ manage: true, administer: true });
    const volunteer = (await (await signIn(t.app, demo.volunteer)).get(`/api/v1/organisations/${id}`)).json();
    expect(volunteer.can).toMatchObject({ join: true, manage: false });
    const resident = (await (await signIn(t.app, demo.resident)).get(`/api/v1/organisations/${id}`)).json();
    expect(resident.can.join).toBe(false);
  });

  it('lists the organisations a user belongs to or administers', async () => {
    const mine = (await (await signIn(t.app, demo.orgAdmin)).get('/api/v1/me/organisations')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        name: '鲸园蓝志愿服务队',
        role: 'leader',
        manages: true,
        joinedAt: expect.any(String),
      }),
    ]);
    expect((await (await signIn(t.app, demo.judge)).get('/api/v1/me/organisations')).json().items).toEqual([]);
    const merchant = await orgIdByName('鲸园暖心便民超市');
    const admin = await makeUser(t.database, { grants: [{ role: 'org_admin', organisationId: merchant }] });
    const granted = (await (await signIn(t.app, admin.phone)).get('/api/v1/me/organisations')).json().items;
    expect(granted).toEqual([expect.objectContaining({ id: merchant, role: null, manages: true, joinedAt: null })]);
  });
});

describe('staff create and edit organisations', () => {
  it('lets a keeper create in their community, audited, and nowhere else', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const id = await createOrg(keeper, { name: '北门外邻里互助队', contactPhone: '13912345678', joinMode: 'open' });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'organisation.create')));
    expect(audit).toHaveLength(1);
    const outside = await keeper.post('/api/v1/organisations', {
      kind: 'team',
      name: '越界队',
      regionCode: OTHER_COMMUNITY,
    });
    expect(outside.statusCode).toBe(404);
    const volunteer = await signIn(t.app, demo.volunteer);
    const res = await volunteer.post('/api/v1/organisations', { kind: 'team', name: '自建队', regionCode: BEIMENWAI });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a parent that would make a loop', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const a = await createOrg(keeper, { name: '上级协会' });
    const b = await createOrg(keeper, { name: '下级分队', parentId: a });
    const detail = (await keeper.get(`/api/v1/organisations/${b}`)).json();
    expect(detail.parent).toEqual({ id: a, name: '上级协会' });
    for (const parentId of [b, a]) {
      const res = await patch(keeper, `/api/v1/organisations/${a}`, { parentId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.parentId');
    }
    const missing = await keeper.post('/api/v1/organisations', {
      kind: 'team',
      name: '无主队',
      regionCode: BEIMENWAI,
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(400);
  });

  it('lets a leader edit the profile but not the kind, region, parent or status', async () => {
    const id = await orgIdByName('鲸园蓝志愿服务队');
    const leader = await signIn(t.app, demo.orgAdmin);
    const ok = await patch(leader, `/api/v1/organisations/${id}`, { description: '蓝色周六，常态服务' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await anonymous(t.app).get(`/api/v1/organisations/${id}`)).json().description).toBe('蓝色周六，常态服务');
    const status = await patch(leader, `/api/v1/organisations/${id}`, { status: 'suspended' });
    expect(status.statusCode).toBe(403);
  });
});

describe('joining a team that needs approval', () => {
  it('request → leader sees it → approves → member with a "已通过" notification', async () => {
    const id = await orgIdByName('鲸园蓝志愿服务队');
    const volunteer = await signIn(t.app, demo.volunteer);
    const leader = await signIn(t.app, demo.orgAdmin);

    const join = await volunteer.post(`/api/v1/organisations/${id}/join`, { message: '我想参加蓝色周六' });
    expect(join.statusCode, join.body).toBe(200);
    expect(join.json().outcome).toBe('requested');
    const again = await volunteer.post(`/api/v1/organisations/${id}/join`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('JOIN_REQUEST_PENDING');
    expect((await volunteer.get(`/api/v1/organisations/${id}`)).json().my.pending).toMatchObject({ kind: 'request' });

    const leaderInbox = await inbox(leader);
    expect(leaderInbox.items.some((n) => n.kind === 'organisation.join_requested' && n.title.includes('李志愿'))).toBe(
      true,
    );
    const requests = (await leader.get(`/api/v1/organisations/${id}/join-requests`)).json().items;
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      user: { displayName: '李志愿', phone: '138****0005' },
      message: '我想参加蓝色周六',
      status: 'pending',
    });

    const approve = await leader.post(`/api/v1/organisations/${id}/join-requests/${requests[0].id}/approve`);
    expect(approve.statusCode, approve.body).toBe(200);
    const twice = await leader.post(`/api/v1/organisations/${id}/join-requests/${requests[0].id}/approve`);
    expect(twice.json().error.code).toBe('REQUEST_NOT_PENDING');

    const mine = (await volunteer.get('/api/v1/me/organisations')).json().items;
    expect(mine).toEqual([expect.objectContaining({ id, name: '鲸园蓝志愿服务队', role: 'member', manages: false })]);
    const volunteerInbox = await inbox(volunteer);
    expect(volunteerInbox.items[0]).toMatchObject({ kind: 'organisation.join_approved', link: `/h5/teams/${id}` });
    expect(volunteerInbox.items[0]?.title).toContain('已通过');
    const dup = await volunteer.post(`/api/v1/organisations/${id}/join`, {});
    expect(dup.json().error.code).toBe('ALREADY_MEMBER');
    const members = (await volunteer.get(`/api/v1/organisations/${id}/members`)).json().items;
    expect(members.map((m: { role: string }) => m.role)).toEqual(['leader', 'member']);
  });

  it('decline with a reason tells the volunteer, who may ask again later', async () => {
    const id = await orgIdByName('鲸园蓝志愿服务队');
    const person = await makeUser(t.database, { displayName: '赵新人' });
    const volunteer = await signIn(t.app, person.phone);
    const leader = await signIn(t.app, demo.orgAdmin);
    const { requestId } = (await volunteer.post(`/api/v1/organisations/${id}/join`, {})).json();
    const decline = await leader.post(`/api/v1/organisations/${id}/join-requests/${requestId}/decline`, {
      reason: '本期名额已满',
    });
    expect(decline.statusCode).toBe(200);
    const note = (await inbox(volunteer)).items[0];
    expect(note).toMatchObject({ kind: 'organisation.join_declined', body: '原因：本期名额已满' });
    expect(note?.title).toContain('未通过');
    const declined = (await leader.get(`/api/v1/organisations/${id}/join-requests?status=declined`)).json().items;
    expect(declined).toEqual([expect.objectContaining({ id: requestId, reason: '本期名额已满' })]);
    expect((await volunteer.get('/api/v1/me/organisations')).json().items).toEqual([]);
    const retry = await volunteer.post(`/api/v1/organisations/${id}/join`, {});
    expect(retry.json().outcome).toBe('requested');
    const withdraw = await volunteer.post(
      `/api/v1/organisations/${id}/join-requests/${retry.json().requestId}/withdraw`,
    );
    expect(withdraw.statusCode).toBe(200);
  });

  it('refuses people who are not volunteers, and non-managers cannot decide', async () => {
    const id = await orgIdByName('鲸园蓝志愿服务队');
    const resident = await signIn(t.app, demo.resident);
    const res = await resident.post(`/api/v1/organisations/${id}/join`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('NOT_A_VOLUNTEER');
    const pending = await makeUser(t.database, { volunteerStatus: 'pending' });
    const waiting = await (await signIn(t.app, pending.phone)).post(`/api/v1/organisations/${id}/join`, {});
    expect(waiting.json().error.code).toBe('VOLUNTEER_NOT_ACTIVE');
    const person = await makeUser(t.database);
    const applicant = await signIn(t.app, person.phone);
    const { requestId } = (await applicant.post(`/api/v1/organisations/${id}/join`, {})).json();
    const self = await applicant.post(`/api/v1/organisations/${id}/join-requests/${requestId}/approve`);
    expect(self.statusCode).toBe(404);
  });
});

describe('open teams and invitations', () => {
  it('an open team takes a volunteer at once', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const id = await createOrg(keeper, { name: '开放志愿队', joinMode: 'open' });
    const person = await makeUser(t.database);
    const volunteer = await signIn(t.app, person.phone);
    const res = await volunteer.post(`/api/v1/organisations/${id}/join`, {});
    expect(res.json()).toEqual({ outcome: 'joined', requestId: null });
    expect((await volunteer.get(`/api/v1/organisations/${id}`)).json().my.role).toBe('member');
    expect((await inbox(volunteer)).items[0]?.kind).toBe('organisation.joined');
  });

  it('invitation-only: join is refused; an invitation is accepted or declined by the invitee', async () => {
    const id = await orgIdByName('鲸园暖心便民超市');
    const person = await makeUser(t.database, { displayName: '钱店员' });
    const invitee = await signIn(t.app, person.phone);
    const refused = await invitee.post(`/api/v1/organisations/${id}/join`, {});
    expect(refused.json().error.code).toBe('INVITATION_ONLY');

    const institute = await signIn(t.app, demo.instituteAdmin);
    const invite = await institute.post(`/api/v1/organisations/${id}/invitations`, {
      phone: person.phone,
      role: 'leader',
      message: '欢迎担任负责人',
    });
    expect(invite.statusCode, invite.body).toBe(201);
    const dup = await institute.post(`/api/v1/organisations/${id}/invitations`, { phone: person.phone });
    expect(dup.json().error.code).toBe('JOIN_REQUEST_PENDING');
    const unknown = await institute.post(`/api/v1/organisations/${id}/invitations`, { phone: '13999999999' });
    expect(unknown.json().error.code).toBe('USER_NOT_FOUND');

    const invited = (await inbox(invitee)).items[0];
    expect(invited?.kind).toBe('organisation.invited');
    // Parameters for the reader's language (web: notifications.organisation.invited).
    expect(invited?.data.params).toMatchObject({ team: expect.any(String), role: '队长', roleEn: 'leader' });
    const pending = (await invitee.get('/api/v1/me/invitations')).json().items;
    expect(pending).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ id }),
        role: 'leader',
        message: '欢迎担任负责人',
      }),
    ]);
    const accept = await invitee.post(`/api/v1/me/invitations/${pending[0].id}/accept`);
    expect(accept.statusCode, accept.body).toBe(200);
    expect((await invitee.get(`/api/v1/organisations/${id}`)).json().my.role).toBe('leader');
    expect((await inbox(institute)).items[0]?.kind).toBe('organisation.invitation_accepted');

    const other = await makeUser(t.database);
    const otherClient = await signIn(t.app, other.phone);
    const leader = await signIn(t.app, person.phone);
    await leader.post(`/api/v1/organisations/${id}/invitations`, { phone: other.phone });
    const [inv] = (await otherClient.get('/api/v1/me/invitations')).json().items;
    expect((await otherClient.post(`/api/v1/me/invitations/${inv.id}/decline`)).statusCode).toBe(200);
    expect((await otherClient.get('/api/v1/me/invitations')).json().items).toEqual([]);
    expect((await otherClient.post(`/api/v1/me/invitations/${inv.id}/accept`)).json().error.code).toBe(
      'REQUEST_NOT_PENDING',
    );
    // Someone else cannot answer an invitation that is not theirs.
    await leader.post(`/api/v1/organisations/${id}/invitations`, { phone: other.phone });
    const [inv2] = (await otherClient.get('/api/v1/me/invitations')).json().items;
    expect((await invitee.post(`/api/v1/me/invitations/${inv2.id}/accept`)).statusCode).toBe(404);
    expect((await leader.post(`/api/v1/organisations/${id}/invitations/${inv2.id}/revoke`)).statusCode).toBe(200);
  });
});

describe('member roles', () => {
  it('changes roles, keeps the last leader, removes and lets members leave (audited)', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const leaderUser = await makeUser(t.database, { displayName: '孙队长' });
    const id = await createOrg(keeper, { name: '角色测试队', joinMode: 'open', leaderPhone: leaderUser.phone });
    const leader = await signIn(t.app, leaderUser.phone);
    const a = await makeUser(t.database, { displayName: '队员甲' });
    const b = await makeUser(t.database, { displayName: '队员乙' });
    const clientA = await signIn(t.app, a.phone);
    const clientB = await signIn(t.app, b.phone);
    await clientA.post(`/api/v1/organisations/${id}/join`, {});
    await clientB.post(`/api/v1/organisations/${id}/join`, {});

    expect((await patch(leader, `/api/v1/organisations/${id}/members/${a.id}`, { role: 'admin' })).statusCode).toBe(
      200,
    );
    expect((await inbox(clientA)).items[0]?.title).toContain('管理员');
    // An admin manages members but cannot make a leader.
    expect((await patch(clientA, `/api/v1/organisations/${id}/members/${b.id}`, { role: 'leader' })).statusCode).toBe(
      403,
    );
    const lastLeader = await del(leader, `/api/v1/organisations/${id}/members/${leaderUser.id}`);
    expect(lastLeader.json().error.code).toBe('LAST_LEADER');
    const demote = await patch(leader, `/api/v1/organisations/${id}/members/${leaderUser.id}`, { role: 'member' });
    expect(demote.json().error.code).toBe('LAST_LEADER');
    // A plain member cannot remove anyone; it looks like nothing is there.
    expect((await del(clientB, `/api/v1/organisations/${id}/members/${a.id}`)).statusCode).toBe(404);

    expect((await del(clientA, `/api/v1/organisations/${id}/members/${b.id}`)).statusCode).toBe(200);
    expect((await inbox(clientB)).items[0]?.kind).toBe('organisation.member_removed');
    expect((await del(clientA, `/api/v1/organisations/${id}/members/${a.id}`)).statusCode).toBe(200);
    const members = (await leader.get(`/api/v1/organisations/${id}/members`)).json().items;
    expect(members.map((m: { displayName: string }) => m.displayName)).toEqual(['孙队长']);
    const actions = (
      await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['organisation.member.role', 'organisation.member.remove', 'organisation.member.leave']),
    );
  });
});

describe('scope', () => {
  it('a keeper of another community sees only public fields and cannot change anything (404)', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const id = await createOrg(keeper, { name: '北门外巾帼志愿队', contactPhone: '13912340000' });
    const stranger = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: OTHER_COMMUNITY }] });
    const other = await signIn(t.app, stranger.phone);

    const detail = (await other.get(`/api/v1/organisations/${id}`)).json();
    expect(detail.contactPhone).toBe('139****0000');
    expect(detail.can).toMatchObject({ manage: false, edit: false, administer: false });
    expect((await keeper.get(`/api/v1/organisations/${id}`)).json().contactPhone).toBe('13912340000');

    const missing = '00000000-0000-4000-8000-000000000000';
    const volunteerId = await userIdOf(t.database, demo.volunteer);
    const calls: [string, (orgId: string) => ReturnType<Client['get']>][] = [
      ['members', (o) => other.get(`/api/v1/organisations/${o}/members`)],
      ['requests', (o) => other.get(`/api/v1/organisations/${o}/join-requests`)],
      ['edit', (o) => patch(other, `/api/v1/organisations/${o}`, { name: '改名了' })],
      ['invite', (o) => other.post(`/api/v1/organisations/${o}/invitations`, { phone: demo.volunteer })],
      ['remove', (o) => del(other, `/api/v1/organisations/${o}/members/${volunteerId}`)],
      ['role', (o) => patch(other, `/api/v1/organisations/${o}/members/${volunteerId}`, { role: 'admin' })],
    ];
    for (const [label, call] of calls) {
      const res = await call(id);
      expect(res.statusCode, label).toBe(404);
      expect(res.json().error, `${label} looks like a missing record`).toEqual((await call(missing)).json().error);
    }
    expect((await anonymous(t.app).get(`/api/v1/organisations/${id}`)).json().name).toBe('北门外巾帼志愿队');
  });
});
