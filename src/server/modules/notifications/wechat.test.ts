import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { createTestApp, type TestContext } from '../../../../test/server.js';
import { FAKE_APP_ID, FAKE_APP_SECRET, FakeWechat } from '../../../../test/wechat.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { notify } from './notify.js';
import { wechatBindings } from './schema.js';
import { sealOpenid } from './wechat-openid.js';

const wechat = new FakeWechat();
let t: TestContext;

beforeAll(async () => {
  await wechat.start();
  t = await createTestApp({
    env: {
      WECHAT_API_BASE: wechat.base,
      WECHAT_APP_ID: FAKE_APP_ID,
      WECHAT_APP_SECRET: FAKE_APP_SECRET,
      WECHAT_TEMPLATE_NOTIFICATION: 'TPL_NOTIFICATION',
      PUBLIC_URL: 'https://zyhc.example.cn',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await wechat.close();
});
beforeEach(() => wechat.reset());

async function boundUser(openid: string) {
  const person = await makeUser(t.database);
  await t.database.db.insert(wechatBindings).values({
    tenantId: person.tenantId,
    userId: person.id,
    openidSealed: sealOpenid(t.config, person.tenantId, openid),
  });
  return person;
}

const send = (person: { tenantId: string; id: string }, title = '您有一张新订单') =>
  t.database.db.transaction((tx) =>
    notify(tx, {
      tenantId: person.tenantId,
      userId: person.id,
      kind: 'order.dispatched',
      title,
      link: '/h5/tasks',
      channels: ['wechat'],
    }),
  );

const outbox = (id: string) =>
  t.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.reference, `notification:${id}`), eq(outboxMessages.channel, 'wechat')));

describe('notifications over WeChat template messages', () => {
  it('reach the bound openid through the outbox; the openid is sealed and never copied into the outbox', async () => {
    const person = await boundUser('oBoundPerson001');
    const id = await send(person);
    const [queued] = await outbox(id);
    expect(queued).toMatchObject({ status: 'pending', recipient: `user:${person.id}` });
    expect(JSON.stringify(queued)).not.toContain('oBoundPerson001');
    const [binding] = await t.database.db.select().from(wechatBindings).where(eq(wechatBindings.userId, person.id));
    expect(binding?.openidSealed).not.toContain('oBoundPerson001');

    expect(await t.app.jobs.runDue()).toBe(1);
    expect(wechat.sends).toHaveLength(1);
    expect(wechat.sends[0]?.body).toEqual({
      touser: 'oBoundPerson001',
      template_id: 'TPL_NOTIFICATION',
      url: 'https://zyhc.example.cn/h5/tasks',
      data: {
        thing1: { value: '您有一张新订单' },
        time2: { value: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) },
      },
    });
    const [sent] = await outbox(id);
    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 1,
      payload: null,
      providerRef: expect.stringMatching(/^\d+$/),
    });
  });

  it('are not queued for someone who has bound no WeChat', async () => {
    const person = await makeUser(t.database);
    const id = await send(person);
    expect(await outbox(id)).toEqual([]);
  });

  it('fetch one access token for many messages, and a new one when WeChat says it has expired', async () => {
    const people = [await boundUser('oA'), await boundUser('oB'), await boundUser('oC')];
    for (const p of people) await send(p);
    await t.app.jobs.runDue();
    expect(wechat.sends.map((s) => s.body.touser).sort()).toEqual(['oA', 'oB', 'oC']);
    const tokensBefore = wechat.tokenRequests.length;
    expect(tokensBefore).toBeLessThanOrEqual(1);

    wechat.expireTokens();
    const id = await send(people[0] as { tenantId: string; id: string });
    await t.app.jobs.runDue();
    expect(wechat.tokenRequests.length).toBe(tokensBefore + 1);
    expect((await outbox(id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('go dead at once, without a retry, when the user has unfollowed the account (43004)', async () => {
    const person = await boundUser('oUnfollowed');
    wechat.sendAnswers = [{ errcode: 43004, errmsg: 'require subscribe' }];
    const id = await send(person);
    await t.app.jobs.runDue();
    expect((await outbox(id))[0]).toMatchObject({ status: 'dead', attempts: 1 });
    expect((await outbox(id))[0]?.lastError).toContain('43004');
    await t.app.jobs.advance(3600_000);
    expect(await t.app.jobs.runDue()).toBe(0);
    expect(wechat.sends).toHaveLength(1);
  });

  it('are tried again later when WeChat is over its quota (45009) or busy (-1), and then delivered', async () => {
    const person = await boundUser('oPatient');
    wechat.sendAnswers = [
      { errcode: 45009, errmsg: 'reach max api daily quota limit' },
      { errcode: -1, errmsg: 'system error' },
    ];
    const id = await send(person);
    await t.app.jobs.runDue();
    expect((await outbox(id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await outbox(id))[0]?.lastError).toContain('45009');
    await t.app.jobs.advance(60_000);
    await t.app.jobs.runDue();
    expect((await outbox(id))[0]).toMatchObject({ status: 'pending', attempts: 2 });
    await t.app.jobs.advance(120_000);
    await t.app.jobs.runDue();
    expect((await outbox(id))[0]).toMatchObject({ status: 'sent', attempts: 3, payload: null });
    expect(wechat.sends.map((s) => s.body.touser)).toEqual(['oPatient', 'oPatient', 'oPatient']);
  });

  it('go dead when the binding is removed before delivery', async () => {
    const person = await boundUser('oGone');
    const id = await send(person);
    await t.database.db.delete(wechatBindings).where(eq(wechatBindings.userId, person.id));
    await t.app.jobs.runDue();
    expect((await outbox(id))[0]).toMatchObject({ status: 'dead', lastError: 'the recipient has no WeChat bound' });
    expect(wechat.sends).toHaveLength(0);
  });
});
