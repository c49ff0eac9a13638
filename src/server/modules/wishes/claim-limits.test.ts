/**
 * Claim limits are a tenant setting: a centre admin changes them (audited), and the open claims of
 * one volunteer or one organisation are counted in the database, so concurrent claims never pass them.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { DEFAULT_WISH_SETTINGS } from '../../../shared/wish-settings.js';
import { auditLog } from '../../platform/audit-schema.js';
import { wishes } from './schema.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let centre: Client;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  centre = await signIn(t.app, demo.centreAdmin);
});
afterAll(() => t.close());

async function approved(title: string) {
  const placed = await resident.post('/api/v1/wishes', {
    title,
    description: '',
    estimatedValueFen: 5000,
    regionCode: '371002002005',
    address: '北门外社区 3 号楼 2 单元 101',
    deadline: new Date(Date.now() + 30 * DAY).toISOString(),
    beneficiaryGroup: 'elderly',
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const res = await keeper.post(`/api/v1/wishes/${placed.json().id}/approve`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
}

async function approvedMany(n: number, prefix: string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await approved(`${prefix}${i}`));
  return ids;
}

const put = (c: Client, payload: unknown) =>
  c.request({ method: 'PUT', url: '/api/v1/wishes/settings', payload: payload as never });
const setLimits = (body: Record<string, unknown>) => put(centre, body);

describe('claim limits', () => {
  it('starts at the defaults; a centre admin changes them, audited; others and bad values are refused', async () => {
    expect((await keeper.get('/api/v1/wishes/settings')).json()).toEqual(DEFAULT_WISH_SETTINGS);
    const keeperTry = await put(keeper, { personClaimLimit: 9, organisationClaimLimit: 9 });
    expect(keeperTry.statusCode).toBe(403);
    for (const bad of [
      { personClaimLimit: 0, organisationClaimLimit: 10 },
      { personClaimLimit: 2.5, organisationClaimLimit: 10 },
      { personClaimLimit: 3, organisationClaimLimit: 100_000 },
      { personClaimLimit: 3 },
    ]) {
      const res = await setLimits(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.details[0].field).toMatch(/^body\./);
    }
    expect((await keeper.get('/api/v1/wishes/settings')).json()).toEqual(DEFAULT_WISH_SETTINGS);

    const saved = await setLimits({ personClaimLimit: 2, organisationClaimLimit: 4 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await keeper.get('/api/v1/wishes/settings')).json()).toEqual({
      personClaimLimit: 2,
      organisationClaimLimit: 4,
    });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'wish_settings.update'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toEqual({
      before: DEFAULT_WISH_SETTINGS,
      after: { personClaimLimit: 2, organisationClaimLimit: 4 },
    });
  });

  it('holds one volunteer to the set limit under concurrent claims; release and confirmation free a place', async () => {
    await setLimits({ personClaimLimit: 2, organisationClaimLimit: 4 });
    const giverUser = await makeUser(t.database);
    const giver = await signIn(t.app, giverUser.phone);
    const ids = await approvedMany(6, '限额心愿');
    const results = await Promise.all(ids.map((id) => giver.post(`/api/v1/wishes/${id}/claim`, {})));
    const won = results.filter((r) => r.statusCode === 200).map((r) => r.json().id as string);
    expect(won).toHaveLength(2);
    for (const r of results.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'WISH_CLAIM_LIMIT', message: expect.stringContaining('2') });
    }
    const held = await t.database.db
      .select()
      .from(wishes)
      .where(and(eq(wishes.claimerUserId, giverUser.id), eq(wishes.state, 'claimed')));
    expect(held).toHaveLength(2);

    const [first, second] = won as [string, string];
    const free = ids.filter((id) => !won.includes(id));
    expect((await giver.post(`/api/v1/wishes/${first}/release`, { reason: '临时出差' })).statusCode).toBe(200);
    expect((await giver.post(`/api/v1/wishes/${free[0]}/claim`, {})).statusCode).toBe(200);
    expect((await giver.post(`/api/v1/wishes/${free[1]}/claim`, {})).json().error.code).toBe('WISH_CLAIM_LIMIT');
    // Delivered is still held until the keeper confirms it.
    await giver.post(`/api/v1/wishes/${second}/deliver`, {});
    expect((await giver.post(`/api/v1/wishes/${free[1]}/claim`, {})).statusCode).toBe(409);
    await keeper.post(`/api/v1/wishes/${second}/confirm`);
    expect((await giver.post(`/api/v1/wishes/${free[1]}/claim`, {})).statusCode).toBe(200);

    // Raising the limit lets the same volunteer claim again at once.
    await setLimits({ personClaimLimit: 3, organisationClaimLimit: 4 });
    expect((await giver.post(`/api/v1/wishes/${free[2]}/claim`, {})).statusCode).toBe(200);
  });

  it('holds an organisation to its limit when two of its managers claim at once', async () => {
    await setLimits({ personClaimLimit: 2, organisationClaimLimit: 3 });
    const org = await centre.post('/api/v1/organisations', {
      kind: 'caring_merchant',
      name: '海港路爱心超市',
      regionCode: '371002002005',
      joinMode: 'approval',
    });
    expect(org.statusCode, org.body).toBe(201);
    const organisationId = org.json().id as string;
    const managers = await Promise.all(
      [0, 1].map(async () =>
        signIn(t.app, (await makeUser(t.database, { grants: [{ role: 'org_admin', organisationId }] })).phone),
      ),
    );
    const ids = await approvedMany(8, '商户限额');
    const results = await Promise.all(
      ids.map((id, i) => managers[i % 2]?.post(`/api/v1/wishes/${id}/claim`, { organisationId })),
    );
    expect(results.filter((r) => r?.statusCode === 200)).toHaveLength(3);
    expect(results.filter((r) => r?.json().error?.code === 'WISH_CLAIM_LIMIT')).toHaveLength(5);
    const held = await t.database.db.select().from(wishes).where(eq(wishes.claimerOrganisationId, organisationId));
    expect(held).toHaveLength(3);

    // One manager gives a wish back: it is open again, and the other manager and the keepers are told.
    const [a, b] = managers as [Client, Client];
    const back = held[0]?.id as string;
    expect((await a.post(`/api/v1/wishes/${back}/release`, { reason: '货源不足' })).statusCode).toBe(200);
    const told = async (c: Client) =>
      ((await c.get('/api/v1/me/notifications?limit=200')).json().items as { kind: string; link: string }[]).filter(
        (n) => n.kind === 'wish.released' && n.link.endsWith(back),
      );
    expect(await told(b)).toHaveLength(1);
    expect(await told(keeper)).toHaveLength(1);
    expect(await told(resident)).toHaveLength(1);
    expect(await told(a)).toHaveLength(0);
    // The place it held is free for the organisation again.
    const again = await b.post(`/api/v1/wishes/${ids.find((id) => !held.some((w) => w.id === id))}/claim`, {
      organisationId,
    });
    expect(again.statusCode, again.body).toBe(200);
  });
});
