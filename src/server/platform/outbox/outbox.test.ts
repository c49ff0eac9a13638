import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, demo, signIn, type TestContext, testConfig } from '../../../../test/server.js';
import { lastCodeTo } from '../../../../test/sms.js';
import { rpcSignature, stringToSign } from './aliyun-sms.js';
import { OUTBOX_MAX_ATTEMPTS } from './outbox.js';
import { outboxMessages } from './schema.js';

describe('the Aliyun RPC signature', () => {
  it('matches the worked example in Aliyun’s documentation', () => {
    const params = {
      TimeStamp: '2016-02-23T12:46:24Z',
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      Version: '2014-05-26',
      SignatureVersion: '1.0',
    };
    expect(stringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(rpcSignature('GET', params, 'testsecret')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });
});

describe('SMS configuration', () => {
  it('refuses Aliyun without its keys, and the demo phone in a real deployment', () => {
    expect(() => testConfig({ SMS_PROVIDER: 'aliyun' })).toThrow(/ALIYUN_SMS_ACCESS_KEY_ID: required/);
    expect(() => testConfig({ NODE_ENV: 'production', SEED_DEMO: 'false', SMS_PROVIDER: 'demo' })).toThrow(
      /SMS_PROVIDER: the demo phone is for demos/,
    );
    expect(testConfig({ SEED_DEMO: 'false' }).smsProvider).toBe('none');
    expect(testConfig().smsProvider).toBe('demo');
  });

  it('refuses WeChat without its secret, the demo WeChat in a real deployment, and a malformed field map', () => {
    expect(() => testConfig({ WECHAT_APP_ID: 'wx1' })).toThrow(/WECHAT_APP_SECRET: required/);
    expect(() => testConfig({ NODE_ENV: 'production', SEED_DEMO: 'false', WECHAT_PROVIDER: 'demo' })).toThrow(
      /WECHAT_PROVIDER: the demo WeChat is for demos/,
    );
    expect(() => testConfig({ WECHAT_TEMPLATE_NOTIFICATION_FIELDS: 'thing1=title,keyword2' })).toThrow(/keyword2/);
    expect(testConfig({ WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's' }).wechatProvider).toBe('mp');
    expect(testConfig({ SEED_DEMO: 'false' }).wechatProvider).toBe('none');
    expect(testConfig().wechatProvider).toBe('demo');
  });
});

/** A local server that speaks Aliyun's SendSms: it checks the signature and answers what the test queues. */
interface Received {
  params: Record<string, string>;
  signatureValid: boolean;
}
const SECRET = 'test-access-key-secret';
let aliyun: Server;
let received: Received[] = [];
let answers: Array<{ status: number; body: Record<string, string> }> = [];

function startFakeAliyun(): Promise<string> {
  aliyun = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const { Signature, ...signed } = params;
      const signatureValid = Signature === rpcSignature(req.method as string, signed, SECRET);
      received.push({ params, signatureValid });
      const answer = !signatureValid
        ? { status: 400, body: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched' } }
        : (answers.shift() ?? { status: 200, body: { Code: 'OK', Message: 'OK', BizId: `biz-${received.length}` } });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ RequestId: 'req-1', ...answer.body }));
    });
  });
  return new Promise((resolve) =>
    aliyun.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(aliyun.address() as AddressInfo).port}/`)),
  );
}

describe('text messages through the outbox and Aliyun SMS', () => {
  let t: TestContext;
  beforeAll(async () => {
    const endpoint = await startFakeAliyun();
    t = await createTestApp({
      env: {
        SMS_PROVIDER: 'aliyun',
        ALIYUN_SMS_ENDPOINT: endpoint,
        ALIYUN_SMS_ACCESS_KEY_ID: 'test-access-key-id',
        ALIYUN_SMS_ACCESS_KEY_SECRET: SECRET,
        ALIYUN_SMS_SIGN_NAME: '志愿环翠',
        ALIYUN_SMS_TEMPLATE_VERIFICATION_CODE: 'SMS_100000001',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => aliyun.close(r));
  });

  const message = (phone: string) =>
    t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, phone), eq(outboxMessages.template, 'verification_code')));

  it('sends a reset code with a valid signature, then forgets the text; the code works', async () => {
    received = [];
    await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: demo.resident });
    const [queued] = await message(demo.resident);
    expect(queued).toMatchObject({ status: 'pending', attempts: 0 });
    expect(received).toHaveLength(0);

    expect(await t.app.jobs.runDue()).toBe(1);
    expect(received).toHaveLength(1);
    const [sent] = received;
    expect(sent?.signatureValid).toBe(true);
    expect(sent?.params).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      AccessKeyId: 'test-access-key-id',
      PhoneNumbers: demo.resident,
      SignName: '志愿环翠',
      TemplateCode: 'SMS_100000001',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
    });
    const code = JSON.parse(sent?.params.TemplateParam as string).code as string;
    expect(code).toMatch(/^\d{6}$/);

    const [after] = await message(demo.resident);
    expect(after).toMatchObject({ status: 'sent', payload: null, attempts: 1, providerRef: 'biz-1' });
    expect(JSON.stringify(after)).not.toContain(code);

    const ok = await anonymous(t.app).post('/api/v1/auth/password-reset/confirm', {
      phone: demo.resident,
      code,
      newPassword: 'Aliyun2026ok',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('retries when Aliyun is busy and sends once it answers OK', async () => {
    received = [];
    answers = [
      { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控' } },
      { status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy' } },
    ];
    await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: demo.volunteer });
    await t.app.jobs.runDue();
    expect((await message(demo.volunteer))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await message(demo.volunteer))[0]?.lastError).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(await t.app.jobs.runDue()).toBe(0);
    await t.app.jobs.advance(60_000);
    await t.app.jobs.runDue();
    expect((await message(demo.volunteer))[0]).toMatchObject({ status: 'pending', attempts: 2 });
    await t.app.jobs.advance(120_000);
    await t.app.jobs.runDue();
    expect((await message(demo.volunteer))[0]).toMatchObject({ status: 'sent', attempts: 3, payload: null });
    expect(received).toHaveLength(3);
  });

  it('gives up at once on a number Aliyun refuses; the centre admin sees it dead and can send it again', async () => {
    received = [];
    answers = [{ status: 200, body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' } }];
    await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: demo.keeper });
    await t.app.jobs.runDue();
    const [dead] = await message(demo.keeper);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    await t.app.jobs.advance(3600_000);
    expect(await t.app.jobs.runDue()).toBe(0);

    const admin = await signIn(t.app, demo.centreAdmin);
    const list = (await admin.get('/api/v1/outbox/messages?status=dead')).json();
    const row = list.items.find((m: { id: string }) => m.id === dead?.id);
    expect(row).toMatchObject({ channel: 'sms', recipient: '138****0003', status: 'dead', can: { retry: true } });
    expect(row.lastError).toContain('isv.MOBILE_NUMBER_ILLEGAL');
    expect(JSON.stringify(list)).not.toContain(demo.keeper);

    const institute = await signIn(t.app, demo.instituteAdmin);
    expect((await institute.get('/api/v1/outbox/messages')).statusCode).toBe(403);
    expect((await institute.post(`/api/v1/outbox/messages/${dead?.id}/retry`)).statusCode).toBe(403);

    expect((await admin.post(`/api/v1/outbox/messages/${dead?.id}/retry`)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/outbox/messages/${dead?.id}/retry`)).statusCode).toBe(409);
    await t.app.jobs.runDue();
    expect((await message(demo.keeper))[0]).toMatchObject({ status: 'sent', payload: null });
    expect((await admin.post(`/api/v1/outbox/messages/${dead?.id}/retry`)).statusCode).toBe(409);
    expect(received).toHaveLength(2);
  });

  it('marks a message dead after the last of its attempts fails', async () => {
    answers = Array.from({ length: OUTBOX_MAX_ATTEMPTS }, () => ({
      status: 500,
      body: { Code: 'isp.SYSTEM_ERROR', Message: 'system error' },
    }));
    await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: demo.judge });
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS; i++) {
      await t.app.jobs.runDue();
      await t.app.jobs.advance(3600_000);
    }
    expect(await t.app.jobs.runDue()).toBe(0);
    expect((await message(demo.judge))[0]).toMatchObject({ status: 'dead', attempts: OUTBOX_MAX_ATTEMPTS });
    answers = [];
  });

  it('has no demo phone: the demo SMS page is not there', async () => {
    const admin = await signIn(t.app, demo.centreAdmin);
    expect((await admin.get('/api/v1/demo/sms')).statusCode).toBe(404);
  });
});

describe('the demo phone', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows staff the texts the demo provider delivered, and no one else', async () => {
    await anonymous(t.app).post('/api/v1/auth/password-reset', { phone: demo.resident });
    const code = await lastCodeTo(t.app, demo.resident);
    const keeper = await signIn(t.app, demo.keeper);
    const inbox = (await keeper.get(`/api/v1/demo/sms?phone=${demo.resident}`)).json();
    expect(inbox.items[0].text).toContain(`验证码为${code}`);
    const resident = await signIn(t.app, demo.volunteer);
    expect((await resident.get('/api/v1/demo/sms')).statusCode).toBe(403);
    const [sent] = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, demo.resident));
    expect(sent).toMatchObject({ status: 'sent', payload: null });
  });
});
