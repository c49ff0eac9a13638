/** What the edge of the server believes and answers: client addresses, the CSRF cookie, error bodies, logs. */
import { type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { loginAttempts, users } from '../src/server/modules/accounts/index.js';
import { loadConfig } from '../src/server/platform/config.js';
import { anonymous, createTestApp, createTestDatabase, demo, testConfig } from './server.js';

const proxy = '10.0.0.1';

describe('client addresses behind a proxy (TRUST_PROXY)', () => {
  it('accepts a list of addresses and CIDRs, and refuses anything else by name', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1, loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'loopback',
    ]);
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would believe a forged/);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx' })).toThrow(/TRUST_PROXY: "nginx" is not an IP address/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/prefix length/);
  });
});

describe('client addresses from X-Forwarded-For', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: proxy, LOGIN_RATE_PER_MINUTE: '2' } });
  });
  afterAll(() => t.close());

  it('are believed only from a configured proxy, for the audit trail and the rate limit', async () => {
    const lastIp = async () => {
      const [row] = await t.database.db.select().from(loginAttempts).orderBy(desc(loginAttempts.at)).limit(1);
      return row?.ip;
    };
    const client = anonymous(t.app);
    const attempt = (remoteAddress: string, forwardedFor: string) =>
      client.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { phone: demo.resident, password: 'wrong-pass-1' },
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
      });

    expect((await attempt('203.0.113.9', '198.51.100.1')).statusCode).toBe(401);
    expect(await lastIp()).toBe('203.0.113.9');
    // A forged address each time does not buy a fresh rate-limit allowance.
    expect((await attempt('203.0.113.9', '198.51.100.2')).statusCode).toBe(401);
    expect((await attempt('203.0.113.9', '198.51.100.3')).json().error.code).toBe('RATE_LIMITED');

    expect((await attempt(proxy, '198.51.100.77')).statusCode).toBe(401);
    expect(await lastIp()).toBe('198.51.100.77');
    // Behind the proxy, the left-most untrusted hop is the client, whatever it prepended.
    expect((await attempt(proxy, '1.1.1.1, 198.51.100.78')).statusCode).toBe(401);
    expect(await lastIp()).toBe('198.51.100.78');
  });
});

describe('the CSRF secret cookie', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: proxy } });
  });
  afterAll(() => t.close());

  const csrfCookie = async (remoteAddress: string, proto?: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/csrf',
      remoteAddress,
      headers: proto ? { 'x-forwarded-proto': proto } : {},
    });
    return res.cookies.find((c) => c.name === '_csrf');
  };

  it('is Secure over HTTPS through a trusted proxy, and only then', async () => {
    expect((await csrfCookie(proxy, 'https'))?.secure).toBe(true);
    expect((await csrfCookie(proxy, 'http'))?.secure).toBeFalsy();
    expect((await csrfCookie('203.0.113.9', 'https'))?.secure).toBeFalsy();
    expect((await csrfCookie('203.0.113.9'))?.httpOnly).toBe(true);
  });

  it('is replaced at sign-in, so a token obtained before it no longer works', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
    const oldSecret = before.cookies.find((c) => c.name === '_csrf')?.value as string;
    const oldToken = before.json().token as string;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: demo.volunteer, password: 'Leifeng@2026' },
      cookies: { _csrf: oldSecret },
      headers: { 'x-csrf-token': oldToken },
    });
    expect(login.statusCode, login.body).toBe(200);
    const newSecret = login.cookies.find((c) => c.name === '_csrf')?.value;
    expect(newSecret).toBeTruthy();
    expect(newSecret).not.toBe(oldSecret);
    const session = login.cookies.find((c) => c.name === 'lf_session')?.value as string;
    const withOld = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { _csrf: newSecret as string, lf_session: session },
      headers: { 'x-csrf-token': oldToken },
    });
    expect(withOld.statusCode).toBe(403);
    expect(withOld.json().error.code).toBe('CSRF_INVALID');
  });
});

describe('every error in the one JSON shape', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ web: true });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer) {
    return new Promise<{ status: number; body: string; type: string; headers: IncomingHttpHeaders }>(
      (resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: text,
              type: String(res.headers['content-type']),
              headers: res.headers,
            }),
          );
        });
        req.on('error', reject);
        if (body !== undefined) req.write(body);
        req.end();
      },
    );
  }

  const expectShape = (res: { status: number; body: string; type: string }, status: number, code: string) => {
    expect(res.status, res.body).toBe(status);
    expect(res.type).toMatch(/^application\/json/);
    const { error } = JSON.parse(res.body);
    expect(error).toMatchObject({ code, message: expect.any(String), messageEn: expect.any(String) });
  };

  it('answers oversized headers with 431 in the error shape', async () => {
    expectShape(await send('GET', '/api/health', { 'x-padding': 'a'.repeat(20_000) }), 431, 'HEADERS_TOO_LARGE');
  });

  it("answers Fastify's own refusals in the error shape", async () => {
    const csrf = await send('GET', '/api/v1/auth/csrf');
    const cookie = /_csrf=[^;]+/.exec(csrf.headers['set-cookie']?.join(';') ?? '')?.[0] as string;
    const signed = { cookie, 'x-csrf-token': JSON.parse(csrf.body).token };
    const json = { 'content-type': 'application/json', ...signed };
    expectShape(await send('POST', '/api/v1/auth/login', json, '{"phone": '), 400, 'VALIDATION_FAILED');
    expectShape(
      await send('POST', '/api/v1/auth/login', { 'content-type': 'text/xml', ...signed }, '<a/>'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectShape(await send('POST', '/api/v1/auth/login', json, 'x'.repeat(3 * 1024 * 1024)), 413, 'PAYLOAD_TOO_LARGE');
    expectShape(await send('GET', '/api/v1/regions/%zz'), 400, 'VALIDATION_FAILED');
    expectShape(await send('GET', '/api/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    expectShape(await send('DELETE', '/login'), 404, 'ROUTE_NOT_FOUND');
    expectShape(await send('PROPFIND', '/api/v1/me'), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers HEAD on a missing path with a JSON 404', async () => {
    for (const path of ['/api/nothing-here', '/assets/old-build.js']) {
      const res = await send('HEAD', path);
      expect(res.status).toBe(404);
      expect(res.type).toMatch(/^application\/json/);
    }
  });
});

describe('logs of failed queries', () => {
  it('never contain the parameters or the values PostgreSQL quotes back', async () => {
    const lines: string[] = [];
    const database = await createTestDatabase();
    const app = await buildApp({
      config: testConfig({ LOG_LEVEL: 'info' }),
      database,
      logger: true,
      logStream: { write: (line) => lines.push(line) },
    });
    const secretHash = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$c2VjcmV0aGFzaHNlY3JldGhhc2g';
    app.post('/api/v1/test/failing-insert', { config: { public: true } }, async (req) => {
      const { tenantId } = req.body as { tenantId: string };
      await app.db
        .insert(users)
        .values({ tenantId, phone: demo.keeper, passwordHash: secretHash, displayName: '泄露测试' });
    });
    await app.ready();
    const client = anonymous(app);
    // A duplicate phone (PostgreSQL quotes the key) and a missing tenant (it quotes the foreign key); the
    // tenant is a word that cannot turn up by chance in a log line's timings.
    for (const tenantId of ['371002', 'no-such-tenant-q7']) {
      const res = await client.post('/api/v1/test/failing-insert', { tenantId });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL_ERROR');
    }
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('values ($1, default, $2, $3, $4');
    expect(log).toMatch(/users_phone_uq/);
    for (const secret of [demo.keeper, secretHash, 'argon2id', '泄露测试', 'no-such-tenant-q7'])
      expect(log).not.toContain(secret);
    await app.close();
    await database.close();
  });
});
