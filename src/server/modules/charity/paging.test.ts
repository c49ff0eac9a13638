import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEIMENWAI, charityWorld, sell } from '../../../../test/charity.js';
import { anonymous, createTestApp, type TestContext } from '../../../../test/server.js';

let t: TestContext;
let w: Awaited<ReturnType<typeof charityWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await charityWorld(t);
});
afterAll(() => t.close());

/** Every item of a paged list, following nextCursor. */
async function all(get: (cursor: string) => Promise<{ items: { id: string }[]; nextCursor: string | null }>) {
  const ids: string[] = [];
  let cursor = '';
  for (let i = 0; i < 20; i += 1) {
    const page = await get(cursor);
    ids.push(...page.items.map((x) => x.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('charity lists are cursor-paged', () => {
  it('pages sales, events, beneficiaries and disbursements without gaps or repeats', async () => {
    await w.keeper.post(`/api/v1/charity/events/${w.event.id}/open`);
    for (let i = 0; i < 5; i += 1) {
      const res = await sell(w.keeperA, w.books.id, { amountFen: 100 + i, method: 'cash' }, `page-sale-${i}`);
      expect(res.statusCode, res.body).toBe(201);
    }
    const sales = await all(async (c) =>
      (await w.keeper.get(`/api/v1/charity/events/${w.event.id}/sales?limit=2&cursor=${c}`)).json(),
    );
    expect(sales).toHaveLength(5);
    expect(new Set(sales).size).toBe(5);

    for (let i = 0; i < 3; i += 1) {
      const made = await w.keeper.post('/api/v1/charity/events', {
        title: `翻页义卖${i}`,
        heldOn: `2026-04-0${i + 1}`,
        regionCode: BEIMENWAI,
        address: '雷锋巷',
        fundId: w.fund.id,
      });
      expect(made.statusCode, made.body).toBe(201);
    }
    const events = await all(async (c) => (await w.keeper.get(`/api/v1/charity/events?limit=2&cursor=${c}`)).json());
    const first = (await w.keeper.get('/api/v1/charity/events?limit=200'))
      .json()
      .items.map((e: { id: string }) => e.id);
    expect(events).toEqual(first);

    for (let i = 0; i < 3; i += 1) {
      const res = await w.keeper.post('/api/v1/charity/beneficiaries', {
        name: `翻页${i}号`,
        regionCode: BEIMENWAI,
        consent: true,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const page = (await w.keeper.get('/api/v1/charity/beneficiaries?limit=2')).json();
    expect(page.items).toHaveLength(2);
    // A list shows masked names only; the full name is one audited read.
    expect(page.items[0]).not.toHaveProperty('name');
    expect(page.items[0].maskedName).toMatch(/\*/);
    const people = await all(async (c) =>
      (await w.keeper.get(`/api/v1/charity/beneficiaries?limit=2&cursor=${c}`)).json(),
    );
    expect(people.length).toBeGreaterThanOrEqual(3);
    expect(new Set(people).size).toBe(people.length);
  });

  it.each(['/api/v1/charity/events', '/api/v1/charity/beneficiaries', '/api/v1/charity/disbursements'])(
    'refuses a forged cursor on %s with a 400',
    async (url) => {
      const forged = Buffer.from(JSON.stringify(['2026-13-45 99:00:00+00', 'x'])).toString('base64url');
      for (const cursor of [forged, 'not*base64', Buffer.from('[1,2]').toString('base64url')]) {
        const res = await w.keeper.get(`${url}?cursor=${cursor}`);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.details[0].field).toBe('querystring.cursor');
      }
    },
  );

  it('refuses a forged cursor on the sales and the public list', async () => {
    const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
    const sales = await w.keeper.get(`/api/v1/charity/events/${w.event.id}/sales?cursor=${forged}`);
    expect(sales.statusCode).toBe(400);
    const pub = await anonymous(t.app).get(`/api/v1/public/charity/events?cursor=${forged}`);
    expect(pub.statusCode).toBe(400);
  });
});

describe('the year report', () => {
  it('leaves out the sales of an event that is not yet published', async () => {
    const before = (await anonymous(t.app).get('/api/v1/public/charity/report?year=2026')).json();
    await sell(w.keeperA, w.books.id, { amountFen: 99_900, method: 'cash' }, 'year-unpublished-1');
    const after = (await anonymous(t.app).get('/api/v1/public/charity/report?year=2026')).json();
    expect(after.incomeFen).toBe(before.incomeFen);
    expect(after.events.map((e: { id: string }) => e.id)).not.toContain(w.event.id);
  });
});
