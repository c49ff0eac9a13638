import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { lastSmsTo } from '../../../../test/sms.js';
import { demoWechatMessages, outboxMessages } from '../../platform/outbox/schema.js';
import { notify } from './notify.js';
import { notifications, wechatBindings } from './schema.js';
import { sealOpenid } from './wechat-openid.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the inbox', () => {
  it('pages newest first, counts unread, marks one and all read', async () => {
    const person = await makeUser(t.database);
    await t.database.db.transaction(async (tx) => {
      for (let i = 1; i <= 5; i++) {
        await notify(tx, { tenantId: person.tenantId, userId: person.id, kind: 'test.hello', title: `消息${i}` });
      }
    });
    const client = await signIn(t.app, person.phone);
    const titles: string[] = [];
    let cursor: string | null = null;
    let unreadCount = 0;
    do {
      const url: string = `/api/v1/me/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await client.get(url)).json();
      titles.push(...page.items.map((n: { title: string }) => n.title));
      unreadCount = page.unreadCount;
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toHaveLength(5);
    expect(new Set(titles).size).toBe(5);
    expect(unreadCount).toBe(5);

    const [first] = (await client.get('/api/v1/me/notifications?limit=1')).json().items;
    expect((await client.post(`/api/v1/me/notifications/${first.id}/read`)).statusCode).toBe(200);
    expect((await client.post(`/api/v1/me/notifications/${first.id}/read`)).statusCode).toBe(200);
    const after = (await client.get('/api/v1/me/notifications?unread=true')).json();
    expect(after.unreadCount).toBe(4);
    expect(after.items.map((n: { id: string }) => n.id)).not.toContain(first.id);

    // Someone else's message looks like a missing one.
    const other = await signIn(t.app, demo.resident);
    const foreign = await other.post(`/api/v1/me/notifications/${first.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect((await other.get('/api/v1/me/notifications')).json().items.map((n: { id: string }) => n.id)).not.toContain(
      first.id,
    );

    expect((await client.post('/api/v1/me/notifications/read-all')).json()).toEqual({ updated: 4 });
    expect((await client.get('/api/v1/me/notifications')).json().unreadCount).toBe(0);
    expect((await client.get('/api/v1/me/notifications?cursor=garbage')).statusCode).toBe(400);
  });

  it('exists only when the transaction that sent it commits; other channels are queued in the outbox', async () => {
    const person = await makeUser(t.database);
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, { tenantId: person.tenantId, userId: person.id, kind: 'test.lost', title: '不该出现' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const id = await t.database.db.transaction((tx) =>
      notify(tx, {
        tenantId: person.tenantId,
        userId: person.id,
        kind: 'test.sms',
        title: '短信也发',
        channels: ['sms', 'wechat'],
      }),
    );
    const rows = await t.database.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.tenantId, person.tenantId), eq(notifications.userId, person.id)));
    expect(rows.map((r) => r.title)).toEqual(['短信也发']);
    const outbox = () =>
      t.database.db
        .select({ channel: outboxMessages.channel, status: outboxMessages.status, recipient: outboxMessages.recipient })
        .from(outboxMessages)
        .where(eq(outboxMessages.reference, `notification:${id}`))
        .orderBy(outboxMessages.channel);
    // No WeChat is bound to this account: only the text message is queued.
    expect(await outbox()).toEqual([{ channel: 'sms', status: 'pending', recipient: person.phone }]);
    await t.app.jobs.runDue();
    expect(await outbox()).toEqual([{ channel: 'sms', status: 'sent', recipient: person.phone }]);
    expect(await lastSmsTo(t.app, person.phone)).toBe('【志愿环翠】短信也发');
  });

  it('reaches the demo WeChat of an account with a WeChat bound (no WeChat credentials configured)', async () => {
    const person = await makeUser(t.database);
    await t.database.db.insert(wechatBindings).values({
      tenantId: person.tenantId,
      userId: person.id,
      openidSealed: sealOpenid(t.config, person.tenantId, 'oDemoOpenid'),
    });
    await t.database.db.transaction((tx) =>
      notify(tx, {
        tenantId: person.tenantId,
        userId: person.id,
        kind: 'test.wechat',
        title: '微信也发',
        body: '详情见站内信',
        channels: ['wechat'],
      }),
    );
    await t.app.jobs.runDue();
    const received = await t.database.db
      .select({ text: demoWechatMessages.text })
      .from(demoWechatMessages)
      .where(eq(demoWechatMessages.openid, 'oDemoOpenid'));
    expect(received).toEqual([{ text: '微信也发\n详情见站内信' }]);
  });
});
