/**
 * Every declared free-text limit (src/shared/text-limits.ts) holds on the server: exactly the limit
 * is accepted, one more is refused with a 400 naming the field. The web's counters use the same
 * declaration, so what a counter allows is what the server takes. A new limit without a probe here
 * fails to compile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TextField, textLimits } from '../src/shared/text-limits.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from './server.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Probe {
  as: string;
  method: 'POST' | 'PATCH';
  /** The URL; may look up the record it changes. */
  url: () => Promise<string>;
  body: (text: string) => Record<string, unknown>;
  /** The field the error names. */
  field: string;
}

// Found once: the siteName probe renames it.
let site: string | undefined;
const siteUrl = async () => {
  if (!site) {
    const res = await anonymous(t.app).get('/api/v1/public/sites/map');
    site = `/api/v1/sites/${res.json().items.find((p: { name: string }) => p.name === '大世界雷锋岗').id}`;
  }
  return site;
};
const teamUrl = async () => {
  const res = await anonymous(t.app).get(`/api/v1/organisations?q=${encodeURIComponent('鲸园蓝志愿服务队')}`);
  return `/api/v1/organisations/${res.json().items[0].id}`;
};
const HOUR = 3600_000;
const order = (fields: Record<string, unknown>) => ({
  categoryCode: 'convenience',
  title: '帮忙换灯泡',
  regionCode: '371002002005',
  address: '北门外社区 7 号楼',
  windowStart: new Date(Date.now() + 24 * HOUR).toISOString(),
  windowEnd: new Date(Date.now() + 26 * HOUR).toISOString(),
  ...fields,
});
const me = async () => '/api/v1/me/volunteer';

const probes: Record<TextField, Probe> = {
  volunteerIntro: { as: demo.volunteer, method: 'PATCH', url: me, body: (intro) => ({ intro }), field: 'body.intro' },
  volunteerAddress: {
    as: demo.volunteer,
    method: 'PATCH',
    url: me,
    body: (address) => ({ address }),
    field: 'body.address',
  },
  siteName: { as: demo.centreAdmin, method: 'PATCH', url: siteUrl, body: (name) => ({ name }), field: 'body.name' },
  siteAddress: {
    as: demo.centreAdmin,
    method: 'PATCH',
    url: siteUrl,
    body: (address) => ({ address }),
    field: 'body.address',
  },
  siteOpeningHours: {
    as: demo.centreAdmin,
    method: 'PATCH',
    url: siteUrl,
    body: (openingHours) => ({ openingHours }),
    field: 'body.openingHours',
  },
  siteDescription: {
    as: demo.centreAdmin,
    method: 'PATCH',
    url: siteUrl,
    body: (description) => ({ description }),
    field: 'body.description',
  },
  organisationDescription: {
    as: demo.orgAdmin,
    method: 'PATCH',
    url: teamUrl,
    body: (description) => ({ description }),
    field: 'body.description',
  },
  joinMessage: {
    as: demo.volunteer,
    method: 'POST',
    url: async () => `${await teamUrl()}/join`,
    body: (message) => ({ message }),
    field: 'body.message',
  },
  orderTitle: {
    as: demo.resident,
    method: 'POST',
    url: async () => '/api/v1/orders',
    body: (title) => order({ title }),
    field: 'body.title',
  },
  orderDescription: {
    as: demo.resident,
    method: 'POST',
    url: async () => '/api/v1/orders',
    body: (description) => order({ description }),
    field: 'body.description',
  },
  orderAddress: {
    as: demo.resident,
    method: 'POST',
    url: async () => '/api/v1/orders',
    body: (address) => order({ address }),
    field: 'body.address',
  },
  orderContactName: {
    as: demo.resident,
    method: 'POST',
    url: async () => '/api/v1/orders',
    body: (contactName) => order({ contactName }),
    field: 'body.contactName',
  },
};

const clients = new Map<string, Client>();
const client = async (phone: string) => {
  const existing = clients.get(phone);
  if (existing) return existing;
  const c = await signIn(t.app, phone);
  clients.set(phone, c);
  return c;
};

describe('free-text limits agree between server and web', () => {
  it.each(Object.entries(textLimits) as [TextField, number][])(
    '%s: %i characters pass, one more is refused',
    async (name, limit) => {
      const probe = probes[name];
      const c = await client(probe.as);
      const url = await probe.url();
      // One over first: a refused request changes nothing, so creating requests (join) still succeed after.
      const over = await c.request({ method: probe.method, url, payload: probe.body('字'.repeat(limit + 1)) as never });
      expect(over.statusCode, over.body).toBe(400);
      const error = over.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.map((d: { field: string }) => d.field)).toEqual([probe.field]);

      const exact = await c.request({ method: probe.method, url, payload: probe.body('字'.repeat(limit)) as never });
      expect(exact.statusCode, exact.body).toBeLessThan(300);
    },
  );
});
