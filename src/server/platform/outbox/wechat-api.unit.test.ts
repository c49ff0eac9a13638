import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_APP_ID, FAKE_APP_SECRET, FakeWechat } from '../../../../test/wechat.js';
import type { Db } from '../db.js';
import { DeliveryError } from './outbox.js';
import { templateData, wechatMp } from './wechat.js';
import { WechatApi, WechatApiError } from './wechat-api.js';

const wechat = new FakeWechat();
let now = 0;
const clock = () => now;
const api = (secret = FAKE_APP_SECRET) =>
  new WechatApi({ apiBase: wechat.base, appId: FAKE_APP_ID, appSecret: secret }, { clock });
const message = { openid: 'oUser1', templateId: 'TPL_1', data: { thing1: '服务已派单' } };

beforeAll(() => wechat.start());
afterAll(() => wechat.close());
beforeEach(() => {
  wechat.reset();
  wechat.tokenExpiresIn = 7200;
  now = Date.UTC(2026, 11, 1, 12);
});

describe('the WeChat access token', () => {
  it('is fetched once with the app credentials and reused; concurrent senders share one fetch', async () => {
    const client = api();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => client.sendTemplate(message)));
    expect(results.map((r) => r.msgid)).toHaveLength(5);
    expect(wechat.tokenRequests).toEqual([
      { grant_type: 'client_credential', appid: FAKE_APP_ID, secret: FAKE_APP_SECRET },
    ]);
    expect(new Set(wechat.sends.map((s) => s.accessToken)).size).toBe(1);
    expect(wechat.sends[0]?.body).toEqual({
      touser: 'oUser1',
      template_id: 'TPL_1',
      data: { thing1: { value: '服务已派单' } },
    });
  });

  it('is refreshed five minutes before WeChat says it expires, not after', async () => {
    const client = api();
    await client.sendTemplate(message);
    now += (7200 - 301) * 1000;
    await client.sendTemplate(message);
    expect(wechat.tokenRequests).toHaveLength(1);
    now += 2000;
    await client.sendTemplate(message);
    expect(wechat.tokenRequests).toHaveLength(2);
    const [a, b, c] = wechat.sends.map((s) => s.accessToken);
    expect(a).toBe(b);
    expect(c).not.toBe(b);
  });

  it('is refreshed once when WeChat calls it invalid (40001) or expired (42001), and the message is sent again', async () => {
    const client = api();
    await client.sendTemplate(message);
    wechat.expireTokens();
    const { msgid } = await client.sendTemplate(message);
    expect(msgid).toMatch(/^\d+$/);
    expect(wechat.tokenRequests).toHaveLength(2);

    wechat.sendAnswers = [{ errcode: 42001, errmsg: 'access_token expired' }];
    await client.sendTemplate(message);
    expect(wechat.tokenRequests).toHaveLength(3);
    // Refused once with 42001, then delivered with the new token: two sends, the same message.
    expect(wechat.sends.slice(-2).map((s) => s.body)).toEqual([wechat.sends.at(-1)?.body, wechat.sends.at(-1)?.body]);
  });

  it('is refreshed only once per message: a second refusal is an error, not a loop', async () => {
    const client = api();
    wechat.sendAnswers = [
      { errcode: 40001, errmsg: 'invalid credential' },
      { errcode: 40001, errmsg: 'invalid credential' },
    ];
    const err = await client.sendTemplate(message).catch((e) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect(err.errcode).toBe(40001);
    expect(wechat.sends).toHaveLength(2);
    expect(wechat.tokenRequests).toHaveLength(2);
  });
});

describe('the WeChat provider of the outbox', () => {
  const delivery = (template = 'notification') => ({
    tenantId: '371002',
    recipient: 'user:u1',
    template,
    params: {
      title: '您有一张新订单：助老服务 · 上门理发（北门外社区）',
      time: '2026-12-02T01:00:00Z',
      link: '/h5/tasks/1',
    },
    text: '您有一张新订单',
  });
  const provider = (client = api(), openid: string | null = 'oBound') =>
    wechatMp(client, {
      templates: { notification: { id: 'TPL_N', fields: { thing1: 'title', time2: 'time' } } },
      resolveOpenid: async (_db, tenantId, recipient) =>
        tenantId === '371002' && recipient === 'user:u1' ? openid : null,
      publicUrl: 'https://zyhc.example.cn',
    });
  const deliver = (p = provider(), d = delivery()) => p.deliver(d, { db: {} as Db });
  const failure = async (p = provider(), d = delivery()) => (await deliver(p, d).catch((e) => e)) as DeliveryError;

  it('sends the template to the bound openid, with the fields mapped and the page to open', async () => {
    expect(await deliver()).toEqual({ providerRef: expect.stringMatching(/^\d+$/) });
    expect(wechat.sends[0]?.body).toEqual({
      touser: 'oBound',
      template_id: 'TPL_N',
      url: 'https://zyhc.example.cn/h5/tasks/1',
      data: { thing1: { value: '您有一张新订单：助老服务 · 上门理发…' }, time2: { value: '2026-12-02 09:00' } },
    });
  });

  it('gives up at once when the user unsubscribed (43004), the template is wrong, or nothing is bound', async () => {
    for (const [errcode, errmsg] of [
      [43004, 'require subscribe'],
      [40037, 'invalid template_id'],
      [40003, 'invalid openid'],
    ] as const) {
      wechat.sendAnswers = [{ errcode, errmsg }];
      const err = await failure();
      expect(err).toBeInstanceOf(DeliveryError);
      expect(err.permanent, `${errcode}`).toBe(true);
      expect(err.message).toContain(String(errcode));
    }
    const unbound = await failure(provider(api(), null));
    expect(unbound).toMatchObject({ permanent: true, message: 'the recipient has no WeChat bound' });
    const noTemplate = await failure(provider(), delivery('volunteer_welcome'));
    expect(noTemplate.permanent).toBe(true);
  });

  it('tries again later when WeChat is busy (-1), over its quota (45009), failing (HTTP 500) or unreachable', async () => {
    for (const answer of [
      { errcode: -1, errmsg: 'system error' },
      { errcode: 45009, errmsg: 'reach max api daily quota limit' },
      { status: 500 },
    ]) {
      wechat.sendAnswers = [answer];
      const err = await failure();
      expect(err).toBeInstanceOf(DeliveryError);
      expect(err.permanent, JSON.stringify(answer)).toBe(false);
    }
    wechat.tokenAnswers = [{ errcode: -1, errmsg: 'system error' }];
    expect((await failure(provider(api()))).permanent).toBe(false);
    const offline = new WechatApi({ apiBase: 'http://127.0.0.1:9', appId: FAKE_APP_ID, appSecret: 'x' }, { clock });
    expect((await failure(provider(offline))).permanent).toBe(false);
  });

  it('gives up at once when the app secret is wrong: no send is attempted', async () => {
    const err = await failure(provider(api('wrong-secret')));
    expect(err).toMatchObject({ permanent: true });
    expect(err.message).toContain('40125');
    expect(wechat.sends).toHaveLength(0);
  });
});

describe('template fields', () => {
  it('cuts thing fields to 20 characters, writes time in Beijing time, leaves other fields whole', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一';
    expect(
      templateData(
        { thing1: 'title', time2: 'time', character_string3: 'kind', thing4: 'body' },
        { title: long, time: '2026-12-31T16:30:00.000Z', kind: 'order.dispatched' },
      ),
    ).toEqual({
      thing1: `${Array.from(long).slice(0, 19).join('')}…`,
      time2: '2027-01-01 00:30',
      character_string3: 'order.dispatched',
      thing4: '',
    });
    expect(Array.from(templateData({ thing1: 'title' }, { title: long }).thing1 ?? '')).toHaveLength(20);
    expect(templateData({ thing1: 'title' }, { title: '刚好二十个字刚好二十个字刚好二十个字刚好' }).thing1).toBe(
      '刚好二十个字刚好二十个字刚好二十个字刚好',
    );
  });
});

describe('web authorisation', () => {
  it('turns the code WeChat handed our page into the openid, once', async () => {
    const client = api();
    const code = wechat.authorise('oPerson42');
    expect(await client.openidFromCode(code)).toEqual({ openid: 'oPerson42', unionid: null });
    expect(wechat.oauthRequests[0]).toEqual({
      appid: FAKE_APP_ID,
      secret: FAKE_APP_SECRET,
      code,
      grant_type: 'authorization_code',
    });
    const again = await client.openidFromCode(code).catch((e) => e);
    expect(again).toMatchObject({ errcode: 40029 });
  });
});
