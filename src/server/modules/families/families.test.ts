import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesOf } from '../../../../test/notification-params.js';
import { makeUser, userIdOf } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { getFamilyOf } from './get-family-of.js';

let t: TestContext;
const BEIMENWAI = '371002002005';
const OTHER_COMMUNITY = '371002002001';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const del = (c: Client, url: string) => c.request({ method: 'DELETE', url });

async function demoFamilyId(): Promise<string> {
  const me = (await (await signIn(t.app, demo.volunteer)).get('/api/v1/me/family')).json();
  return me.family.id;
}

describe('my family', () => {
  it('shows the demo family to its head and members', async () => {
    const head = (await (await signIn(t.app, demo.volunteer)).get('/api/v1/me/family')).json();
    expect(head.family).toMatchObject({
      name: '李志愿家庭',
      region: { code: BEIMENWAI },
      head: { displayName: '李志愿' },
      memberCount: 2,
      can: { manage: true, leave: false },
    });
    expect(head.family.members.map((m: { relation: string; phone: string }) => [m.relation, m.phone])).toEqual([
      ['self', '138****0005'],
      ['parent', '138****0006'],
    ]);
    const parent = (await (await signIn(t.app, demo.resident)).get('/api/v1/me/family')).json();
    expect(parent.family.id).toBe(head.family.id);
    expect(parent.family.can).toMatchObject({ manage: false, leave: true });
    const none = (await (await signIn(t.app, demo.orgAdmin)).get('/api/v1/me/family')).json();
    expect(none).toEqual({ family: null, invitations: [] });
  });
});

describe('creating a family', () => {
  it('a volunteer becomes head; only once; residents and non-communities are refused', async () => {
    const person = await makeUser(t.database, { displayName: '周户主' });
    const client = await signIn(t.app, person.phone);
    const res = await client.post('/api/v1/families', { name: '周家', regionCode: BEIMENWAI });
    expect(res.statusCode, res.body).toBe(201);
    const mine = (await client.get('/api/v1/me/family')).json().family;
    expect(mine).toMatchObject({ id: res.json().id, head: { userId: person.id }, memberCount: 1 });
    const twice = await client.post('/api/v1/families', { name: '周家二号', regionCode: BEIMENWAI });
    expect(twice.json().error.code).toBe('ALREADY_IN_FAMILY');

    const resident = await makeUser(t.database, { grants: [{ role: 'resident' }] });
    const r = await (await signIn(t.app, resident.phone)).post('/api/v1/families', {
      name: '吴家',
      regionCode: BEIMENWAI,
    });
    expect(r.json().error.code).toBe('NOT_A_VOLUNTEER');
    const other = await makeUser(t.database);
    const bad = await (await signIn(t.app, other.phone)).post('/api/v1/families', {
      name: '郑家',
      regionCode: '371002002999',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.regionCode');
  });

  it('a keeper registers a family at the desk for a head in their community only', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const head = await makeUser(t.database, { displayName: '冯户主' });
    const res = await keeper.post('/api/v1/families', { name: '冯家', regionCode: BEIMENWAI, headPhone: head.phone });
    expect(res.statusCode, res.body).toBe(201);
    // The named head is invited, not made head behind their back: the family counts once they accept.
    const headClient = await signIn(t.app, head.phone);
    const before = (await headClient.get('/api/v1/me/family')).json();
    expect(before.family).toBeNull();
    expect(before.invitations).toEqual([expect.objectContaining({ familyId: res.json().id, relation: 'self' })]);
    const notes = (await headClient.get('/api/v1/me/notifications')).json().items;
    expect(notes[0].kind).toBe('family.head_invited');
    expect((await headClient.post(`/api/v1/families/${res.json().id}/invitation/accept`)).statusCode).toBe(200);
    expect((await headClient.get('/api/v1/me/family')).json().family).toMatchObject({ name: '冯家', memberCount: 1 });
    // A head who declines removes the family registered for them.
    const reluctant = await makeUser(t.database, { displayName: '蒋户主' });
    const made = await keeper.post('/api/v1/families', {
      name: '蒋家',
      regionCode: BEIMENWAI,
      headPhone: reluctant.phone,
    });
    const reluctantClient = await signIn(t.app, reluctant.phone);
    expect((await reluctantClient.post(`/api/v1/families/${made.json().id}/invitation/decline`)).statusCode).toBe(200);
    expect((await keeper.get(`/api/v1/families/${made.json().id}`)).statusCode).toBe(404);
    const another = await makeUser(t.database);
    const outside = await keeper.post('/api/v1/families', {
      name: '陈家',
      regionCode: OTHER_COMMUNITY,
      headPhone: another.phone,
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe('members', () => {
  it('the head invites; the person accepts; the head is told; members may leave, the head may not', async () => {
    const headUser = await makeUser(t.database, { displayName: '褚户主' });
    const head = await signIn(t.app, headUser.phone);
    const { id } = (await head.post('/api/v1/families', { name: '褚家', regionCode: BEIMENWAI })).json();
    const spouse = await makeUser(t.database, { displayName: '卫配偶', grants: [{ role: 'resident' }] });
    const add = await head.post(`/api/v1/families/${id}/members`, { phone: spouse.phone, relation: 'spouse' });
    expect(add.json()).toEqual({ status: 'invited' });
    const dup = await head.post(`/api/v1/families/${id}/members`, { phone: spouse.phone, relation: 'spouse' });
    expect(dup.json()).toEqual({ status: 'invited' });

    const spouseClient = await signIn(t.app, spouse.phone);
    const mine = (await spouseClient.get('/api/v1/me/family')).json();
    expect(mine.family).toBeNull();
    expect(mine.invitations).toEqual([
      expect.objectContaining({ familyId: id, headName: '褚户主', relation: 'spouse' }),
    ]);
    expect((await spouseClient.get(`/api/v1/families/${id}`)).json().can.respond).toBe(true);
    expect((await spouseClient.post(`/api/v1/families/${id}/invitation/accept`)).statusCode).toBe(200);
    expect((await spouseClient.get('/api/v1/me/family')).json().family.id).toBe(id);
    expect((await head.get('/api/v1/me/notifications')).json().items[0].kind).toBe('family.invitation_accepted');

    expect((await del(head, `/api/v1/families/${id}/members/${headUser.id}`)).json().error.code).toBe(
      'FAMILY_HEAD_CANNOT_LEAVE',
    );
    expect((await del(spouseClient, `/api/v1/families/${id}/members/${spouse.id}`)).statusCode).toBe(200);
    expect((await spouseClient.get('/api/v1/me/family')).json().family).toBeNull();
    // Gone from the family: it is no longer visible to them.
    expect((await spouseClient.get(`/api/v1/families/${id}`)).statusCode).toBe(404);

    const child = await makeUser(t.database);
    await head.post(`/api/v1/families/${id}/members`, { phone: child.phone, relation: 'child' });
    const childClient = await signIn(t.app, child.phone);
    expect((await childClient.post(`/api/v1/families/${id}/invitation/decline`)).statusCode).toBe(200);
    expect((await childClient.get('/api/v1/me/family')).json().invitations).toEqual([]);
  });

  it('a keeper adding an existing account only invites it: the person accepts, and is in one family only', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const familyId = await demoFamilyId();
    const child = await makeUser(t.database, { displayName: '李小' });
    const add = await keeper.post(`/api/v1/families/${familyId}/members`, { phone: child.phone, relation: 'child' });
    expect(add.json()).toEqual({ status: 'invited' });
    expect((await keeper.get(`/api/v1/families/${familyId}`)).json().memberCount).toBe(2);
    for (const phone of [demo.judge, demo.instituteAdmin]) {
      const res = await keeper.post(`/api/v1/families/${familyId}/members`, { phone, relation: 'other' });
      expect(res.json()).toEqual({ status: 'invited' });
    }
    const staffView = (await keeper.get(`/api/v1/families/${familyId}`)).json();
    expect(staffView.memberCount).toBe(2);
    expect(staffView.members.filter((m: { status: string }) => m.status === 'invited')).toHaveLength(3);
    expect(JSON.stringify(staffView)).not.toContain('李小');
    const childClient = await signIn(t.app, child.phone);
    expect((await childClient.get('/api/v1/me/family')).json().family).toBeNull();
    expect((await childClient.post(`/api/v1/families/${familyId}/invitation/accept`)).statusCode).toBe(200);
    expect((await keeper.get(`/api/v1/families/${familyId}`)).json().memberCount).toBe(3);
    const judge = await signIn(t.app, demo.judge);
    expect((await judge.get('/api/v1/me/family')).json().family).toBeNull();

    const headOther = await makeUser(t.database);
    const { id: otherFamily } = (
      await (await signIn(t.app, headOther.phone)).post('/api/v1/families', { name: '另一家', regionCode: BEIMENWAI })
    ).json();
    await keeper.post(`/api/v1/families/${otherFamily}/members`, { phone: child.phone, relation: 'child' });
    const taken = await childClient.post(`/api/v1/families/${otherFamily}/invitation/accept`);
    expect(taken.json().error.code).toBe('ALREADY_IN_FAMILY');
    // The head removes a member, who is told.
    const head = await signIn(t.app, demo.volunteer);
    expect((await del(head, `/api/v1/families/${familyId}/members/${child.id}`)).statusCode).toBe(200);
    const childNotes = (await (await signIn(t.app, child.phone)).get('/api/v1/me/notifications')).json().items;
    expect(childNotes[0].kind).toBe('family.member_removed');
  });
});

describe('phones and names', () => {
  it('a head cannot tell a registered phone from an unknown one, nor learn the name behind it', async () => {
    const headUser = await makeUser(t.database, { displayName: '韩户主' });
    const head = await signIn(t.app, headUser.phone);
    const { id } = (await head.post('/api/v1/families', { name: '韩家', regionCode: BEIMENWAI })).json();
    const registered = await head.post(`/api/v1/families/${id}/members`, { phone: demo.judge, relation: 'other' });
    const unknown = await head.post(`/api/v1/families/${id}/members`, { phone: '13912345678', relation: 'other' });
    expect([registered.statusCode, registered.body]).toEqual([unknown.statusCode, unknown.body]);
    const seen = (await head.get(`/api/v1/families/${id}`)).json();
    expect(seen.members.map((m: { userId: string }) => m.userId)).toEqual([headUser.id]);
    const judgeName = (await (await signIn(t.app, demo.judge)).get('/api/v1/me')).json().displayName;
    expect(JSON.stringify(seen)).not.toContain(judgeName);
    // The invitee sees the invitation and may answer it.
    const judge = await signIn(t.app, demo.judge);
    expect((await judge.get('/api/v1/me/family')).json().invitations).toContainEqual(
      expect.objectContaining({ familyId: id, headName: '韩户主' }),
    );
  });

  it('counts phone look-ups per account and refuses past the daily limit', async () => {
    const limited = await createTestApp({ env: { PHONE_LOOKUPS_PER_DAY: '3' } });
    try {
      const headUser = await makeUser(limited.database);
      const head = await signIn(limited.app, headUser.phone);
      const { id } = (await head.post('/api/v1/families', { name: '限家', regionCode: BEIMENWAI })).json();
      const codes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          head
            .post(`/api/v1/families/${id}/members`, { phone: `1391234560${i}`, relation: 'other' })
            .then((r) => r.statusCode),
        ),
      );
      expect(codes.filter((c) => c === 200)).toHaveLength(3);
      expect(codes.filter((c) => c === 429)).toHaveLength(3);
    } finally {
      await limited.close();
    }
    // Starts a second app with its own settings: over the default 30 s on a busy machine.
  }, 120_000);
});

describe('scope', () => {
  it('staff see the families of their communities; a keeper of another community gets 404', async () => {
    const familyId = await demoFamilyId();
    const keeper = await signIn(t.app, demo.keeper);
    const listed = (await keeper.get('/api/v1/families')).json().items.map((f: { id: string }) => f.id);
    expect(listed).toContain(familyId);
    const institute = await signIn(t.app, demo.instituteAdmin);
    expect((await institute.get(`/api/v1/families/${familyId}`)).statusCode).toBe(200);

    const stranger = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: OTHER_COMMUNITY }] });
    const other = await signIn(t.app, stranger.phone);
    expect((await other.get('/api/v1/families')).json().items).toEqual([]);
    expect((await other.get(`/api/v1/families?regionCode=${BEIMENWAI}`)).statusCode).toBe(404);
    const missing = '00000000-0000-4000-8000-000000000000';
    const residentId = await userIdOf(t.database, demo.resident);
    const calls: [string, (id: string) => ReturnType<Client['get']>][] = [
      ['read', (id) => other.get(`/api/v1/families/${id}`)],
      ['add', (id) => other.post(`/api/v1/families/${id}/members`, { phone: demo.judge, relation: 'other' })],
      ['remove', (id) => del(other, `/api/v1/families/${id}/members/${residentId}`)],
      ['accept', (id) => other.post(`/api/v1/families/${id}/invitation/accept`)],
    ];
    for (const [label, call] of calls) {
      const res = await call(familyId);
      expect(res.statusCode, label).toBe(404);
      expect(res.json().error, label).toEqual((await call(missing)).json().error);
    }
    // A volunteer outside the family cannot see it either.
    const outsider = await signIn(t.app, (await makeUser(t.database)).phone);
    expect((await outsider.get(`/api/v1/families/${familyId}`)).statusCode).toBe(404);
    // Only the list endpoint is staff-only.
    expect((await outsider.get('/api/v1/families')).statusCode).toBe(403);
  });
});

describe('getFamilyOf', () => {
  it('answers the family a user acts for, or null', async () => {
    const ctx = { db: t.database.db, tenantId: '371002' };
    const unit = await getFamilyOf(ctx, await userIdOf(t.database, demo.volunteer));
    expect(unit).toMatchObject({ name: '李志愿家庭', regionCode: BEIMENWAI, isHead: true });
    expect(await getFamilyOf(ctx, await userIdOf(t.database, demo.judge))).toBeNull();
  });
});

describe('messages in the reader’s language', () => {
  it('stores every message with the parameters of its text', async () => {
    const { kinds, bare } = await messagesOf(t.database, 'family.', ['family']);
    expect(kinds).toEqual(
      expect.arrayContaining(['family.head_invited', 'family.invitation_accepted', 'family.member_removed']),
    );
    expect(bare).toEqual([]);
  });
});
