/**
 * Control characters and forged cursors are refused at the edge with a 400 naming the field,
 * on every list and for every text field and filter that reached the database before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../test/server.js';

let t: TestContext;
let admin: Client;
let post: string; // 大世界雷锋岗: all five zones
let itemId: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, demo.centreAdmin);
  const points = (await anonymous(t.app).get('/api/v1/public/sites/map')).json().items as {
    id: string;
    name: string;
  }[];
  post = points.find((p) => p.name === '大世界雷锋岗')?.id ?? '';
  itemId = (await admin.get(`/api/v1/sites/${post}/self-help-items`)).json().items[0].id;
  orgId = (await anonymous(t.app).get('/api/v1/organisations')).json().items[0].id;
});
afterAll(() => t.close());

const NUL = '\u0000';

function expectRefused(res: { statusCode: number; json(): unknown }, field: string) {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { error: { code: string; details: { field: string; messageEn: string }[] } };
  expect(body.error.code).toBe('VALIDATION_FAILED');
  expect(body.error.details.map((d) => d.field)).toContain(field);
}

describe('control characters', () => {
  it('are refused in filters, naming the filter', async () => {
    const q = encodeURIComponent(`a${NUL}b`);
    expectRefused(await admin.get(`/api/v1/volunteers?q=${q}`), 'querystring.q');
    expectRefused(await admin.get(`/api/v1/volunteers/export?q=${q}`), 'querystring.q');
    expectRefused(await anonymous(t.app).get(`/api/v1/organisations?q=${q}`), 'querystring.q');
    expectRefused(await admin.get(`/api/v1/audit-log?action=${q}`), 'querystring.action');
    expectRefused(await admin.get(`/api/v1/audit-log?entityType=${q}`), 'querystring.entityType');
    expectRefused(await admin.get(`/api/v1/audit-log?entityId=${q}`), 'querystring.entityId');
    expectRefused(await admin.get(`/api/v1/volunteers?skill=${q}`), 'querystring.skill');
  });

  it('are refused in text fields of writes, and nothing is written', async () => {
    const before = (await admin.get(`/api/v1/sites/${post}/books?limit=200`)).json().items.length;
    expectRefused(await admin.post(`/api/v1/sites/${post}/books`, { title: `书${NUL}` }), 'body.title');
    expectRefused(
      await admin.post(`/api/v1/sites/${post}/books`, { title: '书', author: `\u001b[31m` }),
      'body.author',
    );
    expect((await admin.get(`/api/v1/sites/${post}/books?limit=200`)).json().items).toHaveLength(before);

    const patch = (body: unknown) =>
      admin.request({ method: 'PATCH', url: `/api/v1/sites/${post}`, payload: body as object });
    expectRefused(await patch({ name: `站${NUL}` }), 'body.name');
    expectRefused(await patch({ address: `路${NUL}` }), 'body.address');
    expectRefused(await patch({ openingHours: `9${NUL}` }), 'body.openingHours');
    expectRefused(await patch({ description: `说明${NUL}` }), 'body.description');
    expectRefused(
      await admin.post(`/api/v1/sites/${post}/self-help-items`, { name: `伞${NUL}`, unit: '把', quantity: 1 }),
      'body.name',
    );
    expectRefused(
      await admin.post(`/api/v1/sites/${post}/self-help-items/${itemId}/take`, { quantity: 1, note: NUL }),
      'body.note',
    );
    expectRefused(
      await admin.post('/api/v1/organisations', { kind: 'team', name: `队${NUL}`, regionCode: '371002002005' }),
      'body.name',
    );
    expectRefused(
      await admin.post('/api/v1/families', { name: `家${NUL}`, regionCode: '371002002005', headPhone: demo.volunteer }),
      'body.name',
    );
    expectRefused(
      await anonymous(t.app).post('/api/v1/volunteer-registrations', {
        name: `张${NUL}三`,
        phone: '13912345678',
        code: '000000',
        password: 'abc12345',
        idNumber: '110101199003074578',
        regionCode: '371002002005',
        consent: true,
      }),
      'body.name',
    );
    expectRefused(
      await anonymous(t.app).post('/api/v1/auth/login', { phone: demo.keeper, password: `x${NUL}` }),
      'body.password',
    );
  });

  it('are refused in a query string that is not UTF-8, and in a path that is not', async () => {
    expectRefused(await admin.get('/api/v1/audit-log?entityId=a%ED%BF%BFb'), 'querystring');
    expectRefused(await admin.get('/api/v1/volunteers?q=%E4%B8'), 'querystring');
    expectRefused(await admin.get('/api/v1/volunteers/%ED%A0%80'), 'request');
  });

  it('are refused in path parameters and object keys', async () => {
    expectRefused(await anonymous(t.app).get(`/api/v1/public/sites/${post.slice(0, -1)}%00`), 'params.id');
    expectRefused(await admin.post(`/api/v1/sites/${post}/books`, { title: '书', [`x${NUL}`]: 1 }), `body.x${NUL}`);
  });

  it('lets tab and line breaks into multi-line fields only', async () => {
    const patch = (body: unknown) =>
      admin.request({ method: 'PATCH', url: `/api/v1/sites/${post}`, payload: body as object });
    const ok = await patch({ description: '第一行\r\n第二行\t缩进' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().description).toBe('第一行\r\n第二行\t缩进');
    expectRefused(await patch({ name: '两\n行' }), 'body.name');
    expectRefused(await patch({ description: '响铃\u0007' }), 'body.description');
  });
});

const b64 = (v: string) => Buffer.from(v).toString('base64url');
/** Dates PostgreSQL refuses, for the lists keyed by a time. */
const impossibleTimes = [
  b64('["2026-02-31 00:00:00+00","00000000-0000-0000-0000-000000000000"]'),
  b64('["0000-01-01T00:00:00Z","00000000-0000-0000-0000-000000000000"]'),
  b64('["2026-01-01T25:00:00Z","00000000-0000-0000-0000-000000000000"]'),
  b64('["yesterday","00000000-0000-0000-0000-000000000000"]'),
];
const forgedCursors = [
  '!!!',
  b64('not json'),
  b64('"x"'),
  b64('[]'),
  b64('[1,2,3]'),
  b64('[{},{}]'),
  b64(`["a${NUL}","00000000-0000-0000-0000-000000000000"]`),
  b64('["2026-01-01T00:00:00Z","not-a-uuid"]'),
  b64('[99999999999999999999]'),
  b64('["x","y","z","w"]'),
];

describe('forged paging cursors', () => {
  const lists = () => [
    { client: anonymous(t.app), url: '/api/v1/public/sites' },
    { client: anonymous(t.app), url: '/api/v1/organisations' },
    { client: admin, url: '/api/v1/sites' },
    { client: admin, url: '/api/v1/volunteers' },
    { client: admin, url: `/api/v1/sites/${post}/books` },
    { client: admin, url: '/api/v1/book-loans', byTime: true },
    { client: admin, url: `/api/v1/sites/${post}/self-help-items/${itemId}/movements`, byTime: true },
    { client: admin, url: '/api/v1/families' },
    { client: admin, url: '/api/v1/me/notifications', byTime: true },
    { client: admin, url: '/api/v1/audit-log' },
    { client: admin, url: `/api/v1/organisations/${orgId}/join-requests`, byTime: true },
  ];

  it('are a 400 on querystring.cursor on every list', async () => {
    for (const { client, url, byTime } of lists()) {
      expect((await client.get(url)).statusCode, url).toBe(200);
      for (const cursor of [...forgedCursors, ...(byTime ? impossibleTimes : [])]) {
        const res = await client.get(`${url}?cursor=${encodeURIComponent(cursor)}`);
        expect({ url, cursor, status: res.statusCode }).toEqual({ url, cursor, status: 400 });
        expect(res.json().error.details[0].field).toBe('querystring.cursor');
      }
    }
  });

  it('still page through a list with the cursors the server gave', async () => {
    const first = (await anonymous(t.app).get('/api/v1/public/sites?limit=5')).json();
    const second = (await anonymous(t.app).get(`/api/v1/public/sites?limit=5&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(5);
    expect(second.items[0].id).not.toBe(first.items[4].id);
  });
});
