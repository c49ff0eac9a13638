/**
 * The central gate decides from the matched route, so no spelling of a protected path reaches its
 * handler unchecked. Requests go over a real socket: an in-process inject would normalise the path.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/server/modules/accounts/index.js';
import { anonymous, createTestApp, demo, signIn, type TestContext } from './server.js';

let t: TestContext;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string; contentType: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, contentType: String(res.headers['content-type']) }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Ways of writing one path that a router or proxy may treat as that path. */
function spellings(path: string): string[] {
  const rest = path.slice('/api/v1/'.length);
  const [first = '', ...more] = rest.split('/');
  const tail = more.length ? `/${more.join('/')}` : '';
  return [
    path,
    `/%61pi/v1/${rest}`,
    `/%61%70%69/%76%31/${rest}`,
    `/api/v1/%${first.charCodeAt(0).toString(16)}${first.slice(1)}${tail}`,
    `/api/v1/${encodeURIComponent(first).replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}${tail}`,
    `//api/v1/${rest}`,
    `/api//v1/${rest}`,
    `/api/v1//${rest}`,
    `/API/v1/${rest}`,
    `/Api/V1/${rest.toUpperCase()}`,
    `${path}.`,
    `${path}/`,
    `${path};x=1`,
    `${path};jsessionid=abc`,
    `/api/v1/./${rest}`,
    `/api/v1/x/../${rest}`,
    `/api/v1/${rest}%00`,
  ];
}

const protectedGets = ['/api/v1/me', '/api/v1/audit-log', '/api/v1/families', '/api/v1/regions', '/api/v1/sites'];
const staffOnlyGets = ['/api/v1/audit-log', '/api/v1/sites'];
const protectedPosts = ['/api/v1/auth/password', '/api/v1/organisations', '/api/v1/auth/logout'];

function expectRefused(res: { status: number; body: string }, allowed: number[], label: string) {
  expect(allowed, `${label} → ${res.status} ${res.body.slice(0, 120)}`).toContain(res.status);
  expect(JSON.parse(res.body).error.code, label).toMatch(/^[A-Z_]+$/);
}

describe('the central gate, by matched route', () => {
  it('refuses every spelling of protected GET routes to an anonymous caller', async () => {
    for (const path of protectedGets) {
      for (const spelling of spellings(path)) {
        const res = await send('GET', spelling);
        // 401 where the router matched the route, 400/404 where it did not: never the handler's answer.
        expectRefused(res, [400, 401, 404], `GET ${spelling}`);
      }
    }
  });

  it('refuses every spelling of staff-only GET routes to a signed-in resident', async () => {
    const resident = await signIn(t.app, demo.resident);
    const cookie = resident.cookieHeader();
    for (const path of staffOnlyGets) {
      for (const spelling of spellings(path)) {
        expectRefused(await send('GET', spelling, { cookie }), [400, 403, 404], `GET ${spelling}`);
      }
    }
  });

  it('refuses every spelling of protected POST routes without a session, and without the CSRF token', async () => {
    const admin = await signIn(t.app, demo.centreAdmin);
    const cookie = admin.cookieHeader();
    const body = JSON.stringify({ currentPassword: 'Leifeng@2026', newPassword: 'Changed2026x', name: 'x' });
    for (const path of protectedPosts) {
      for (const spelling of spellings(path)) {
        const headers = { 'content-type': 'application/json' };
        expectRefused(await send('POST', spelling, headers, body), [400, 401, 403, 404], `POST ${spelling}`);
        const signedIn = await send('POST', spelling, { ...headers, cookie }, body);
        expectRefused(signedIn, [400, 403, 404], `POST ${spelling} (signed in, no CSRF token)`);
      }
    }
    expect((await admin.get('/api/v1/me')).statusCode).toBe(200);
  });
});

describe('a password chosen by someone else', () => {
  it('allows nothing but the change itself, /me and sign-out until it is changed', async () => {
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.phone, demo.orgAdmin));
    const client = await signIn(t.app, demo.orgAdmin);
    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);

    const document = (await anonymous(t.app).get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const allowed = new Set(['GET /api/v1/me', 'POST /api/v1/auth/password', 'POST /api/v1/auth/logout']);
    let checked = 0;
    for (const [template, operations] of Object.entries(document.paths)) {
      const url = template.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const [method, operation] of Object.entries(operations)) {
        const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
        if (isPublic || allowed.has(`${method.toUpperCase()} ${template}`)) continue;
        const res = await client.request({ method, url, payload: method === 'get' ? undefined : {} });
        expect(res.statusCode, `${method} ${template}`).toBe(403);
        expect(res.json().error.code, `${method} ${template}`).toBe('PASSWORD_CHANGE_REQUIRED');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);

    const changed = await client.post('/api/v1/auth/password', {
      currentPassword: 'Leifeng@2026',
      newPassword: 'MyOwn2026pass',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await client.get('/api/v1/organisations')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
  });
});
