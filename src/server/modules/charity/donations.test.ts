import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charityWorld } from '../../../../test/charity.js';
import { type Client, createTestApp, type TestContext } from '../../../../test/server.js';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '../../platform/ledger-schema.js';

let t: TestContext;
let w: Awaited<ReturnType<typeof charityWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await charityWorld(t);
});
afterAll(() => t.close());

const give = (c: Client, body: Record<string, unknown>, key: string, fundId = w.fund.id) =>
  c.post(`/api/v1/charity/funds/${fundId}/donations`, body, { 'idempotency-key': key });
const list = async (c: Client, query = '') => {
  const res = await c.get(`/api/v1/charity/donations${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; amountFen: number; reversal: { reason: string } | null }[];
    nextCursor: string | null;
  };
};
const fundOf = async () =>
  (await w.institute.get('/api/v1/charity/funds')).json().items.find((f: { id: string }) => f.id === w.fund.id);

async function ledgerOfFund() {
  const rows = await t.database.db
    .select({ sum: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)`, n: sql<string>`count(*)` })
    .from(ledgerEntries)
    .innerJoin(
      ledgerAccounts,
      and(eq(ledgerAccounts.tenantId, ledgerEntries.tenantId), eq(ledgerAccounts.id, ledgerEntries.accountId)),
    )
    .where(like(ledgerAccounts.key, `charity:%:${w.fund.id}`));
  return { sum: Number(rows[0]?.sum), entries: Number(rows[0]?.n) };
}

describe('donations to a fund', () => {
  let gift = '';

  it('records a donation once however often the same Idempotency-Key is retried', async () => {
    const body = {
      amountFen: 50_000,
      donorName: '鲸园花店',
      method: 'wechat',
      paymentRef: 'WX-DON-1',
      eventId: w.event.id,
    };
    const first = await give(w.institute, body, 'donation-0001');
    expect(first.statusCode, first.body).toBe(201);
    gift = first.json().transactionId;
    const retries = await Promise.all([1, 2, 3].map(() => give(w.institute, body, 'donation-0001')));
    for (const r of retries)
      expect(r.json().transactionId ?? r.json().error?.code).toMatch(new RegExp(`${gift}|IDEMPOTENCY_IN_PROGRESS`));
    expect((await give(w.institute, body, 'donation-0001')).json().transactionId).toBe(gift);
    const posted = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(
        and(
          eq(ledgerTransactions.kind, 'charity.donation'),
          sql`${ledgerTransactions.data} ->> 'fundId' = ${w.fund.id}`,
        ),
      );
    expect(posted).toHaveLength(1);
    expect((await list(w.institute)).items.filter((d) => d.id === gift)).toHaveLength(1);
    expect(await fundOf()).toMatchObject({ balanceFen: 50_000, incomeFen: 50_000 });
    const reused = await give(w.institute, { ...body, amountFen: 60_000 }, 'donation-0001');
    expect(reused.statusCode).toBe(409);
  });

  it('refuses bad input with a field and changes nothing', async () => {
    const before = await ledgerOfFund();
    const cases: [Record<string, unknown>, string][] = [
      [{ amountFen: 0, method: 'cash' }, 'body.amountFen'],
      [{ amountFen: 12.5, method: 'cash' }, 'body.amountFen'],
      [{ amountFen: 100, method: 'bitcoin' }, 'body.method'],
      [{ amountFen: 100, method: 'cash', on: '5 March' }, 'body.on'],
      [{ amountFen: 100, method: 'cash', donorName: 'x'.repeat(500) }, 'body.donorName'],
    ];
    for (const [body, field] of cases) {
      const res = await give(w.institute, body, `bad-${field}-${String(body.amountFen)}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const noKey = await w.institute.post(`/api/v1/charity/funds/${w.fund.id}/donations`, {
      amountFen: 100,
      method: 'cash',
    });
    expect(noKey.statusCode).toBe(400);
    const otherEvent = await give(
      w.institute,
      { amountFen: 100, method: 'cash', eventId: crypto.randomUUID() },
      'bad-event-0001',
    );
    expect(otherEvent.statusCode).toBe(404);
    const noReason = await w.institute.post(`/api/v1/charity/donations/${gift}/reverse`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('body.reason');
    expect((await w.institute.get('/api/v1/charity/donations?cursor=forged')).statusCode).toBe(400);
    expect(await ledgerOfFund()).toEqual(before);
  });

  it('is scoped: a keeper of another community neither sees nor reverses it; volunteers are refused', async () => {
    // The sale's own keeper sees the gift made at the sale, but does not manage the subdistrict's fund.
    expect((await list(w.keeper)).items.map((d) => d.id)).toContain(gift);
    expect((await w.keeper.get(`/api/v1/charity/donations/${gift}`)).statusCode).toBe(200);
    expect((await give(w.keeper, { amountFen: 100, method: 'cash' }, 'keeper-0001')).statusCode).toBe(404);
    expect((await w.keeper.post(`/api/v1/charity/donations/${gift}/reverse`, { reason: '试试' })).statusCode).toBe(404);

    expect((await list(w.foreignKeeper)).items.map((d) => d.id)).not.toContain(gift);
    expect((await list(w.foreignKeeper, `?fundId=${w.fund.id}`)).items).toEqual([]);
    expect((await w.foreignKeeper.get(`/api/v1/charity/donations/${gift}`)).statusCode).toBe(404);
    expect(
      (await w.foreignKeeper.post(`/api/v1/charity/donations/${gift}/reverse`, { reason: '试试' })).statusCode,
    ).toBe(404);
    expect((await give(w.foreignKeeper, { amountFen: 100, method: 'cash' }, 'foreign-0001')).statusCode).toBe(404);
    expect((await w.keeperA.get('/api/v1/charity/donations')).statusCode).toBe(403);
    expect((await w.keeperA.post(`/api/v1/charity/donations/${gift}/reverse`, { reason: '试试' })).statusCode).toBe(
      403,
    );
    expect(await fundOf()).toMatchObject({ balanceFen: 50_000 });
  });

  it('is corrected only by a reversing entry with the reason, once; the ledger still sums to zero', async () => {
    const wrong = await give(w.institute, { amountFen: 900_000, method: 'cash', donorName: '张先生' }, 'typo-donation');
    const id = wrong.json().transactionId;
    expect(await fundOf()).toMatchObject({ balanceFen: 950_000 });
    const reversed = await w.institute.post(`/api/v1/charity/donations/${id}/reverse`, {
      reason: '应为 9000 元，多输了两个零',
    });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json()).toMatchObject({
      id,
      amountFen: 900_000,
      donorName: '张先生',
      reversal: { reason: '应为 9000 元，多输了两个零', by: { name: expect.any(String) } },
    });
    const twice = await w.centre.post(`/api/v1/charity/donations/${id}/reverse`, { reason: '再冲一次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('LEDGER_ALREADY_REVERSED');
    expect(await fundOf()).toMatchObject({ balanceFen: 50_000, incomeFen: 50_000 });
    // The original entry is still there, unchanged, next to its reversal.
    const original = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.transactionId, id));
    expect(original.map((e) => Math.abs(e.amount))).toEqual([900_000, 900_000]);
    const { sum, entries } = await ledgerOfFund();
    expect(entries).toBe(6);
    expect(sum).toBe(0);
    await expect(
      t.database.db.execute(sql`update ledger_transactions set memo = 'x' where id = ${id}`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from ledger_entries where transaction_id = ${id}`)).rejects.toThrow();
  });

  it('pages newest first without gaps or repeats', async () => {
    for (let i = 0; i < 3; i += 1) {
      const res = await give(w.institute, { amountFen: 100 + i, method: 'cash' }, `donation-page-${i}`);
      expect(res.statusCode, res.body).toBe(201);
    }
    const ids: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i += 1) {
      const page = await list(w.institute, `?fundId=${w.fund.id}&limit=2&cursor=${cursor}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      ids.push(...page.items.map((d) => d.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    const first = (await list(w.institute, `?fundId=${w.fund.id}&limit=1`)).items[0];
    expect(first?.amountFen).toBe(102);
    expect((await list(w.institute, `?eventId=${w.event.id}`)).items.map((d) => d.id)).toEqual([gift]);
  });
});
