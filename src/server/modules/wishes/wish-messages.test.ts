/**
 * Every message about a micro-wish is stored with a kind and the parameters of its text, so that an
 * English reader's inbox shows it in English (rendered as the web renders it), not the stored Chinese.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { messagesOf } from '../../../../test/notification-params.js';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { notificationsEn } from '../../../web/i18n/notifications.en.js';
import { notificationsZhCN } from '../../../web/i18n/notifications.zh-CN.js';

vi.mock('../../../web/i18n/index.js', async () => {
  const { default: i18next } = await import('i18next');
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { 'zh-CN': { translation: notificationsZhCN }, en: { translation: notificationsEn } },
    interpolation: { escapeValue: false },
  });
  return { i18n };
});
const { i18n } = (await import('../../../web/i18n/index.js')) as unknown as { i18n: import('i18next').i18n };
const { notificationText } = await import('../../../web/shared/notification-text.js');

let t: TestContext;
let resident: Client;
let keeper: Client;
const DAY = 86_400_000;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

interface Message {
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

beforeAll(async () => {
  t = await createTestApp();
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
});
afterAll(() => t.close());

const inbox = async (client: Client): Promise<Message[]> =>
  (await client.get('/api/v1/me/notifications?limit=200')).json().items;

async function place(title: string, deadline = new Date(Date.now() + 30 * DAY)) {
  const res = await resident.post('/api/v1/wishes', {
    title,
    description: 'Large print, for reading the paper',
    estimatedValueFen: 8000,
    regionCode: '371002002005',
    address: 'Building 3, Unit 2, Room 101',
    deadline: deadline.toISOString(),
    beneficiaryGroup: 'elderly',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function step(client: Client, id: string, event: string, body: Record<string, unknown> = {}) {
  const res = await client.post(`/api/v1/wishes/${id}/${event}`, body);
  expect(res.statusCode, `${event}: ${res.body}`).toBe(200);
}

describe('wish messages in the reader’s language', () => {
  it('stores every kind with its parameters, and an English reader sees English for each', async () => {
    const giver = await signIn(t.app, (await makeUser(t.database)).phone);
    const loop = await place('Reading glasses');
    await step(keeper, loop, 'approve');
    await step(giver, loop, 'claim');
    await step(giver, loop, 'release', { reason: 'Away on business' });
    await step(giver, loop, 'claim');
    await step(giver, loop, 'deliver');
    await step(keeper, loop, 'confirm');
    await step(resident, loop, 'thank', { message: 'Thank you, they fit well' });
    await step(keeper, await place('A bag of rice'), 'reject', { reason: 'Covered by the welfare office' });
    await step(resident, await place('A winter coat'), 'withdraw', { reason: 'My son bought one' });
    await place('A radio', new Date(Date.now() + DAY));
    await t.app.jobs.advance(2 * DAY);
    await t.app.jobs.send('wishes.expire');
    await t.app.jobs.runDue();

    const { kinds, bare } = await messagesOf(t.database, 'wish.', ['title', 'number']);
    expect(kinds).toEqual(
      [
        'wish.approved',
        'wish.claimed',
        'wish.confirmed',
        'wish.delivered',
        'wish.expired',
        'wish.placed',
        'wish.rejected',
        'wish.released',
        'wish.thanked',
        'wish.withdrawn',
      ].sort(),
    );
    expect(bare).toEqual([]);

    const read = [...(await inbox(resident)), ...(await inbox(keeper)), ...(await inbox(giver))].filter((n) =>
      n.kind.startsWith('wish.'),
    );
    expect(new Set(read.map((n) => n.kind)).size).toBe(kinds.length);
    await i18n.changeLanguage('en');
    for (const n of read) {
      const en = notificationText(n);
      expect(en.title, n.kind).not.toBe(n.title);
      expect(`${en.title} ${en.body}`, n.kind).not.toMatch(CJK);
      expect(`${en.title} ${en.body}`, n.kind).not.toMatch(/\{\{/);
      expect(en.body === '', n.kind).toBe(n.body === '');
    }
    // The same messages read in Chinese say what the server stored.
    await i18n.changeLanguage('zh-CN');
    for (const n of read) expect(notificationText(n), n.kind).toEqual({ title: n.title, body: n.body });
  });
});
