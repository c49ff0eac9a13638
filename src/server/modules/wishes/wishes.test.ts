import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { wishEvents, wishes } from './schema.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let institute: Client;
let volunteer: Client;
let foreignKeeper: Client;

const BEIMENWAI = '371002002005';
const SIBLING = '371002002001'; // another community of 鲸园街道
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  institute = await signIn(t.app, demo.instituteAdmin);
  volunteer = await signIn(t.app, demo.volunteer);
  const fk = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: SIBLING }] });
  foreignKeeper = await signIn(t.app, fk.phone);
});
afterAll(() => t.close());

const wishBody = (extra: Record<string, unknown> = {}) => ({
  title: '一副老花镜',
  description: '眼睛花了，看不清报纸',
  estimatedValueFen: 8000,
  regionCode: BEIMENWAI,
  address: '北门外社区 3 号楼 2 单元 101',
  deadline: new Date(Date.now() + 30 * DAY).toISOString(),
  beneficiaryGroup: 'elderly',
  ...extra,
});

async function place(client: Client = resident, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/wishes', wishBody(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function approved(extra: Record<string, unknown> = {}) {
  const wish = await place(resident, extra);
  const res = await keeper.post(`/api/v1/wishes/${wish.id}/approve`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function inbox(client: Client): Promise<{ kind: string; title: string; body: string; link: string | null }[]> {
  return (await client.get('/api/v1/me/notifications?limit=200')).json().items;
}

async function newVolunteer() {
  const user = await makeUser(t.database);
  return signIn(t.app, user.phone);
}

describe('the micro-wish loop', () => {
  it('runs 许愿 → 审核 → 认领 → 送达 → 确认 → 致谢 with a timeline, messages and idempotent placing', async () => {
    const key = { 'idempotency-key': 'wish-glasses-0001' };
    const body = wishBody();
    const first = await resident.post('/api/v1/wishes', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const wish = first.json();
    expect(wish).toMatchObject({
      state: 'submitted',
      title: '一副老花镜',
      beneficiaryName: '王大爷',
      address: '北门外社区 3 号楼 2 单元 101',
      estimatedValueFen: 8000,
      channel: 'app',
      mine: true,
    });
    expect(wish.actions).toMatchObject({ withdraw: true, approve: false, claim: false });
    const again = await resident.post('/api/v1/wishes', body, key);
    expect(again.json().id).toBe(wish.id);
    expect(await t.database.db.select().from(wishes).where(eq(wishes.id, wish.id))).toHaveLength(1);
    expect((await inbox(keeper)).some((n) => n.kind === 'wish.placed' && n.link?.includes(wish.id))).toBe(true);

    // Not on the wall before review; the volunteer cannot open it at all.
    expect((await volunteer.get(`/api/v1/wishes/${wish.id}`)).statusCode).toBe(404);
    const queue = (await keeper.get('/api/v1/wishes?queue=review')).json().items.map((w: { id: string }) => w.id);
    expect(queue).toContain(wish.id);

    const ok = await keeper.post(`/api/v1/wishes/${wish.id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('approved');
    expect((await inbox(resident)).some((n) => n.kind === 'wish.approved')).toBe(true);

    // The wall: masked name, community only, never the phone or the address.
    const wall = (await volunteer.get(`/api/v1/wishes/wall?regionCode=${BEIMENWAI}&limit=100`)).json().items;
    const onWall = wall.find((w: { id: string }) => w.id === wish.id);
    expect(onWall).toMatchObject({
      beneficiaryName: '王**',
      address: null,
      beneficiaryPhone: null,
      regionName: '北门外社区',
    });
    expect(JSON.stringify(onWall)).not.toContain('13800000006');
    expect(JSON.stringify(onWall)).not.toContain('3 号楼');
    expect(onWall.actions.claim).toBe(true);
    const seen = (await volunteer.get(`/api/v1/wishes/${wish.id}`)).json();
    expect(seen).toMatchObject({ address: null, beneficiaryPhone: null, mine: false, timeline: [] });

    const claimed = await volunteer.post(`/api/v1/wishes/${wish.id}/claim`, {});
    expect(claimed.statusCode, claimed.body).toBe(200);
    // Once it is theirs, the claimer sees where to deliver it and whom to call.
    expect(claimed.json()).toMatchObject({
      state: 'claimed',
      address: '北门外社区 3 号楼 2 单元 101',
      beneficiaryPhone: '13800000006',
      beneficiaryName: '王大爷',
      claimer: { name: '李志愿', organisationId: null },
      actions: { deliver: true, release: true, claim: false },
    });
    expect((await inbox(resident)).some((n) => n.kind === 'wish.claimed')).toBe(true);
    const mine = (await volunteer.get('/api/v1/wishes/claims')).json().items.map((w: { id: string }) => w.id);
    expect(mine).toContain(wish.id);

    const delivered = await volunteer.post(`/api/v1/wishes/${wish.id}/deliver`, { note: '已送到老人家中' });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect((await keeper.get('/api/v1/wishes?queue=confirm')).json().items.map((w: { id: string }) => w.id)).toContain(
      wish.id,
    );
    // Only the keeper confirms; the resident is not asked to thank before that.
    expect((await resident.post(`/api/v1/wishes/${wish.id}/thank`, { message: '谢谢' })).statusCode).toBe(409);
    expect((await volunteer.post(`/api/v1/wishes/${wish.id}/confirm`)).statusCode).toBe(403);
    const confirmed = await keeper.post(`/api/v1/wishes/${wish.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().actions.confirm).toBe(false);
    expect((await resident.get(`/api/v1/wishes/${wish.id}`)).json().actions.thank).toBe(true);

    const thanked = await resident.post(`/api/v1/wishes/${wish.id}/thank`, { message: '谢谢李老师，眼镜很合适！' });
    expect(thanked.statusCode, thanked.body).toBe(200);
    const giverView = (await volunteer.get(`/api/v1/wishes/${wish.id}`)).json();
    expect(giverView).toMatchObject({ state: 'thanked', thanks: '谢谢李老师，眼镜很合适！' });
    expect(giverView.timeline.map((e: { event: string }) => e.event)).toEqual([
      'place',
      'approve',
      'claim',
      'deliver',
      'confirm',
      'thank',
    ]);
    const note = (await inbox(volunteer)).find((n) => n.kind === 'wish.thanked' && n.link?.includes(wish.id));
    expect(note?.body).toContain('眼镜很合适');
    // A stranger sees the wish on the wall, but not the thanks or the timeline.
    const stranger = await newVolunteer();
    const public_ = (await stranger.get(`/api/v1/wishes/${wish.id}`)).json();
    expect(public_).toMatchObject({ thanks: null, timeline: [], address: null, claimer: { name: '李**' } });
  });

  it('lets the resident withdraw before a claim, rejects with a reason, and refuses bad input without writing', async () => {
    const wish = await approved();
    const gone = await resident.post(`/api/v1/wishes/${wish.id}/withdraw`, { reason: '子女已经买了' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toMatchObject({ state: 'withdrawn', withdrawReason: '子女已经买了' });

    const other = await place();
    expect((await keeper.post(`/api/v1/wishes/${other.id}/reject`, { reason: '' })).statusCode).toBe(400);
    const no = await keeper.post(`/api/v1/wishes/${other.id}/reject`, { reason: '属于低保救助范围，已转民政' });
    expect(no.json()).toMatchObject({ state: 'rejected', rejectReason: '属于低保救助范围，已转民政' });
    expect((await resident.get(`/api/v1/wishes/${other.id}`)).json().rejectReason).toBe('属于低保救助范围，已转民政');

    const before = (await t.database.db.select({ id: wishes.id }).from(wishes)).length;
    const bad = [
      wishBody({ title: '' }),
      wishBody({ regionCode: '371002002' }),
      wishBody({ deadline: new Date(Date.now() - DAY).toISOString() }),
      wishBody({ deadline: new Date(Date.now() + 400 * DAY).toISOString() }),
      wishBody({ estimatedValueFen: -1 }),
      wishBody({ photoFileId: '00000000-0000-4000-8000-000000000000' }),
    ];
    const fields = [];
    for (const body of bad) {
      const res = await resident.post('/api/v1/wishes', body);
      expect(res.statusCode, res.body).toBe(400);
      fields.push(res.json().error.details?.[0]?.field);
    }
    expect(fields).toEqual([
      'body.title',
      'body.regionCode',
      'body.deadline',
      'body.deadline',
      'body.estimatedValueFen',
      'body.photoFileId',
    ]);
    // A resident cannot enter a wish for someone else.
    expect((await resident.post('/api/v1/wishes', wishBody({ forResident: { consent: true } }))).statusCode).toBe(403);
    expect((await t.database.db.select({ id: wishes.id }).from(wishes)).length).toBe(before);
  });

  it('lets a keeper enter a wish for a resident without an account, with consent, and thank on their behalf', async () => {
    const noConsent = await keeper.post('/api/v1/wishes', wishBody({ contactName: '刘奶奶', forResident: {} }));
    expect(noConsent.statusCode).toBe(400);
    const res = await keeper.post(
      '/api/v1/wishes',
      wishBody({
        title: '一个书包',
        contactName: '小明',
        contactPhone: '13912345678',
        beneficiaryGroup: 'left_behind_child',
        forResident: { consent: true },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const wish = res.json();
    expect(wish).toMatchObject({ channel: 'keeper', beneficiaryName: '小明', beneficiaryGroup: 'left_behind_child' });
    expect(wish.timeline[0].note).toContain('已征得本人同意');
    // Outside the keeper's scope: not found.
    const outside = await keeper.post(
      '/api/v1/wishes',
      wishBody({ regionCode: SIBLING, contactName: '某人', forResident: { consent: true } }),
    );
    expect(outside.statusCode).toBe(404);

    await keeper.post(`/api/v1/wishes/${wish.id}/approve`);
    const giver = await newVolunteer();
    expect((await giver.post(`/api/v1/wishes/${wish.id}/claim`, {})).statusCode).toBe(200);
    expect((await giver.post(`/api/v1/wishes/${wish.id}/deliver`, {})).statusCode).toBe(200);
    expect((await keeper.post(`/api/v1/wishes/${wish.id}/confirm`)).statusCode).toBe(200);
    const thanks = await keeper.post(`/api/v1/wishes/${wish.id}/thank`, { message: '小明说谢谢叔叔' });
    expect(thanks.statusCode, thanks.body).toBe(200);
    expect((await giver.get(`/api/v1/wishes/${wish.id}`)).json().thanks).toBe('小明说谢谢叔叔');
  });
});

describe('claiming', () => {
  it('lets exactly one of two concurrent claims win; the other gets WISH_ALREADY_CLAIMED', async () => {
    for (let round = 0; round < 3; round++) {
      const wish = await approved();
      const [a, b] = [await newVolunteer(), await newVolunteer()];
      const results = await Promise.all([
        a.post(`/api/v1/wishes/${wish.id}/claim`, {}),
        b.post(`/api/v1/wishes/${wish.id}/claim`, {}),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      expect(loser?.json().error.code).toBe('WISH_ALREADY_CLAIMED');
      const events = await t.database.db
        .select()
        .from(wishEvents)
        .where(and(eq(wishEvents.wishId, wish.id), eq(wishEvents.event, 'claim')));
      expect(events).toHaveLength(1);
    }
  });

  it('lets a caring merchant claim in its name, and refuses people who are neither volunteers nor managers', async () => {
    const centre = await signIn(t.app, demo.centreAdmin);
    const org = await centre.post('/api/v1/organisations', {
      kind: 'caring_merchant',
      name: '海港路爱心超市',
      regionCode: BEIMENWAI,
      joinMode: 'approval',
    });
    expect(org.statusCode, org.body).toBe(201);
    const owner = await makeUser(t.database, { grants: [{ role: 'org_admin', organisationId: org.json().id }] });
    const merchant = await signIn(t.app, owner.phone);
    const wish = await approved({ title: '一袋大米' });
    const detail = (await merchant.get(`/api/v1/wishes/${wish.id}`)).json();
    expect(detail.claimAs).toEqual([{ id: org.json().id, name: '海港路爱心超市', kind: 'caring_merchant' }]);
    // Not a volunteer: claims only in the organisation's name.
    expect((await merchant.post(`/api/v1/wishes/${wish.id}/claim`, {})).json().error.code).toBe(
      'WISH_CLAIMER_NOT_ELIGIBLE',
    );
    const claimed = await merchant.post(`/api/v1/wishes/${wish.id}/claim`, { organisationId: org.json().id });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().claimer).toMatchObject({ name: '海港路爱心超市', organisationName: '海港路爱心超市' });
    const wall = (await volunteer.get('/api/v1/wishes/wall?state=claimed&limit=100')).json().items;
    expect(wall.find((w: { id: string }) => w.id === wish.id)?.claimer.name).toBe('海港路爱心超市');

    // Someone else's organisation: refused, nothing changes.
    const other = await approved();
    const res = await volunteer.post(`/api/v1/wishes/${other.id}/claim`, { organisationId: org.json().id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.organisationId');
    // The resident cannot claim their own wish; a plain resident account is not eligible.
    expect((await resident.post(`/api/v1/wishes/${other.id}/claim`, {})).statusCode).toBe(403);
    expect((await resident.get(`/api/v1/wishes/${other.id}`)).json().state).toBe('approved');
  });
});

describe('scope and privacy', () => {
  it("keeps one community's wishes from another community's keeper (404, not in lists)", async () => {
    const wish = await place();
    expect((await foreignKeeper.get(`/api/v1/wishes/${wish.id}`)).statusCode).toBe(404);
    expect((await foreignKeeper.post(`/api/v1/wishes/${wish.id}/approve`)).statusCode).toBe(404);
    expect((await foreignKeeper.post(`/api/v1/wishes/${wish.id}/reject`, { reason: '不行' })).statusCode).toBe(404);
    const list = (await foreignKeeper.get('/api/v1/wishes?limit=200')).json().items;
    expect(list.some((w: { regionCode: string }) => w.regionCode === BEIMENWAI)).toBe(false);
    expect((await foreignKeeper.get(`/api/v1/wishes?regionCode=${BEIMENWAI}`)).statusCode).toBe(404);
    // The institute above both communities sees and acts.
    expect((await institute.get(`/api/v1/wishes/${wish.id}`)).json().actions.approve).toBe(true);

    await keeper.post(`/api/v1/wishes/${wish.id}/approve`);
    const giver = await newVolunteer();
    await giver.post(`/api/v1/wishes/${wish.id}/claim`, {});
    await giver.post(`/api/v1/wishes/${wish.id}/deliver`, {});
    // On the wall it is public, but the foreign keeper neither confirms it nor learns the address.
    expect((await foreignKeeper.post(`/api/v1/wishes/${wish.id}/confirm`)).statusCode).toBe(404);
    expect((await foreignKeeper.get(`/api/v1/wishes/${wish.id}`)).json()).toMatchObject({ address: null, mine: false });
    expect((await t.database.db.select().from(wishes).where(eq(wishes.id, wish.id)))[0]?.state).toBe('delivered');
    expect((await anonymous(t.app).get('/api/v1/wishes/wall')).statusCode).toBe(401);
  });

  it('pages the wall with a cursor and refuses a forged one', async () => {
    for (let i = 0; i < 3; i++) await approved({ title: `分页心愿${i}` });
    const first = (await volunteer.get('/api/v1/wishes/wall?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await volunteer.get(`/api/v1/wishes/wall?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(second.items.map((w: { id: string }) => w.id)).not.toContain(first.items[0].id);
    expect((await volunteer.get('/api/v1/wishes/wall?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
    expect((await volunteer.get('/api/v1/wishes/wall?state=submitted')).statusCode).toBe(400);
  });
});

describe('expiry', () => {
  it('expires unclaimed wishes past their deadline on the durable job, and leaves claimed ones', async () => {
    const soon = new Date(Date.now() + 2 * DAY).toISOString();
    const waiting = await place(resident, { deadline: soon });
    const open = await approved({ deadline: soon });
    const taken = await approved({ deadline: soon });
    const giver = await newVolunteer();
    await giver.post(`/api/v1/wishes/${taken.id}/claim`, {});

    await t.app.jobs.send('wishes.expire');
    await t.app.jobs.runDue();
    expect((await resident.get(`/api/v1/wishes/${open.id}`)).json().state).toBe('approved');

    await t.app.jobs.advance(3 * DAY);
    await t.app.jobs.send('wishes.expire');
    expect(await t.app.jobs.runDue()).toBeGreaterThanOrEqual(1);
    expect((await resident.get(`/api/v1/wishes/${waiting.id}`)).json().state).toBe('expired');
    const gone = (await resident.get(`/api/v1/wishes/${open.id}`)).json();
    expect(gone.state).toBe('expired');
    expect(gone.timeline.at(-1)).toMatchObject({ event: 'expire', actorName: '系统' });
    expect((await resident.get(`/api/v1/wishes/${taken.id}`)).json().state).toBe('claimed');
    expect((await inbox(resident)).some((n) => n.kind === 'wish.expired' && n.link?.includes(open.id))).toBe(true);
    // Expired wishes leave the wall.
    expect((await volunteer.get(`/api/v1/wishes/${open.id}`)).statusCode).toBe(404);
  });
});
