import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charityWorld, sell } from '../../../../test/charity.js';
import { createTestApp, type TestContext } from '../../../../test/server.js';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '../../platform/ledger-schema.js';
import { charitySales } from './schema.js';

let t: TestContext;
let w: Awaited<ReturnType<typeof charityWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await charityWorld(t);
});
afterAll(() => t.close());

async function ledgerSum(fundId: string) {
  const [row] = await t.database.db
    .select({ sum: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)`, n: sql<string>`count(*)` })
    .from(ledgerEntries)
    .innerJoin(
      ledgerAccounts,
      and(eq(ledgerAccounts.tenantId, ledgerEntries.tenantId), eq(ledgerAccounts.id, ledgerEntries.accountId)),
    )
    .where(like(ledgerAccounts.key, `charity:%:${fundId}`));
  const balances = await t.database.db
    .select({ key: ledgerAccounts.key, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(like(ledgerAccounts.key, `charity:%:${fundId}`));
  return { sum: Number(row?.sum), entries: Number(row?.n), balances };
}

describe('charity sales at stalls', () => {
  it('refuses a sale before the event opens, then records sales with live totals per stall and per event', async () => {
    const early = await sell(w.keeperA, w.books.id, { amountFen: 1000, method: 'cash' }, 'sale-early-0001');
    expect(early.json().error.code).toBe('CHARITY_EVENT_NOT_OPEN');
    const open = await w.keeper.post(`/api/v1/charity/events/${w.event.id}/open`);
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({ state: 'open', actions: { open: false, close: true } });

    const a = await sell(w.keeperA, w.books.id, { amountFen: 2500, method: 'cash', item: '平凡的世界' }, 'sale-a-0001');
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ amountFen: 2500, method: 'cash', replayed: false, reversal: null });
    const b = await sell(
      w.keeperB,
      w.plants.id,
      { amountFen: 3800, method: 'wechat', paymentRef: 'WX420000001' },
      'sale-b-0001',
    );
    expect(b.statusCode, b.body).toBe(201);
    const noRef = await sell(w.keeperB, w.plants.id, { amountFen: 100, method: 'alipay' }, 'sale-b-0002');
    expect(noRef.statusCode).toBe(400);
    expect(noRef.json().error.details[0].field).toBe('body.paymentRef');
    const noKey = await w.keeperA.post(`/api/v1/charity/stalls/${w.books.id}/sales`, {
      amountFen: 100,
      method: 'cash',
    });
    expect(noKey.statusCode).toBe(400);

    // A keeper records at their own stall only; another community's keeper sees nothing.
    expect((await sell(w.keeperA, w.plants.id, { amountFen: 100, method: 'cash' }, 'sale-x-0001')).statusCode).toBe(
      404,
    );
    expect(
      (await sell(w.foreignKeeper, w.books.id, { amountFen: 100, method: 'cash' }, 'sale-x-0002')).statusCode,
    ).toBe(404);

    const mine = (await w.keeperA.get('/api/v1/charity/my-stalls')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: w.books.id, totals: { totalFen: 2500, cashFen: 2500, sales: 1 } });
    expect(mine[0].event.totals).toEqual({ totalFen: 6300, cashFen: 2500, sales: 2 });

    const detail = (await w.keeper.get(`/api/v1/charity/events/${w.event.id}`)).json();
    expect(detail.totals).toEqual({ totalFen: 6300, cashFen: 2500, sales: 2 });
    expect(detail.stalls.map((s: { totals: { totalFen: number } }) => s.totals.totalFen)).toEqual([2500, 3800]);
  });

  it('records a retried or offline-queued sale once, also when the copies arrive together', async () => {
    const body = { amountFen: 1200, method: 'cash', item: '小人书' };
    const first = await sell(w.keeperA, w.books.id, body, 'offline-0001');
    const again = await sell(w.keeperA, w.books.id, body, 'offline-0001');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const reused = await sell(w.keeperA, w.books.id, { ...body, amountFen: 1300 }, 'offline-0001');
    expect(reused.statusCode).toBe(409);

    const together = await Promise.all(
      [1, 2, 3].map(() => sell(w.keeperA, w.books.id, { amountFen: 700, method: 'cash' }, 'offline-burst-0001')),
    );
    const ids = new Set(together.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(ids.size).toBe(1);
    const rows = await t.database.db.select().from(charitySales).where(like(charitySales.clientKey, '%:offline-%'));
    expect(rows.map((r) => r.amountFen).sort()).toEqual([1200, 700]);
    const posted = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.sourceType, 'charity_sale'));
    expect(posted.filter((p) => rows.some((r) => r.id === p.sourceId))).toHaveLength(2);
  });

  it('corrects a sale only by a reversing entry with a reason, once', async () => {
    const wrong = (await sell(w.keeperB, w.plants.id, { amountFen: 50000, method: 'cash' }, 'typo-0001')).json();
    expect(
      (await w.keeperB.post(`/api/v1/charity/sales/${wrong.id}/reverse`, { reason: '多按了两个零' })).statusCode,
    ).toBe(403);
    expect((await w.foreignKeeper.post(`/api/v1/charity/sales/${wrong.id}/reverse`, { reason: 'x' })).statusCode).toBe(
      404,
    );
    const reversed = await w.keeper.post(`/api/v1/charity/sales/${wrong.id}/reverse`, { reason: '多按了两个零' });
    expect(reversed.statusCode, reversed.body).toBe(200);
    expect(reversed.json().reversal).toMatchObject({ reason: '多按了两个零' });
    const twice = await w.keeper.post(`/api/v1/charity/sales/${wrong.id}/reverse`, { reason: '再冲一次' });
    expect(twice.json().error.code).toBe('LEDGER_ALREADY_REVERSED');
    const detail = (await w.keeper.get(`/api/v1/charity/events/${w.event.id}`)).json();
    expect(detail.totals).toEqual({ totalFen: 6300 + 1200 + 700, cashFen: 2500 + 1200 + 700, sales: 4 });
    const sales = (await w.keeper.get(`/api/v1/charity/events/${w.event.id}/sales`)).json().items;
    expect(sales.find((s: { id: string }) => s.id === wrong.id).reversal.reason).toBe('多按了两个零');
  });

  it('keeps the fund ledger balanced, and no route or statement can change an entry', async () => {
    const { sum, entries, balances } = await ledgerSum(w.fund.id);
    expect(entries).toBeGreaterThan(0);
    expect(sum).toBe(0);
    expect(balances.reduce((s, b) => s + b.balance, 0)).toBe(0);
    expect(balances.find((b) => b.key.startsWith('charity:fund:'))?.balance).toBe(6300 + 1200 + 700);

    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const writes = Object.entries<Record<string, unknown>>(doc.paths)
      .filter(([path]) => path.includes('/charity'))
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`))
      .filter((op) => /^(put|patch|delete) /.test(op));
    expect(writes).toEqual([]);
    await expect(t.database.db.execute(sql`update ledger_entries set amount = amount + 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from ledger_entries`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`update ledger_transactions set memo = 'x'`)).rejects.toThrow();
  });

  it('closes with reconciliation: counted against recorded cash, a difference explained', async () => {
    expect(
      (await w.foreignKeeper.post(`/api/v1/charity/events/${w.event.id}/close`, { countedCashFen: 0 })).statusCode,
    ).toBe(404);
    const short = await w.keeper.post(`/api/v1/charity/events/${w.event.id}/close`, { countedCashFen: 4000 });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('body.note');
    const closed = await w.keeper.post(`/api/v1/charity/events/${w.event.id}/close`, {
      countedCashFen: 4000,
      note: '找零少收 4 元',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', countedCashFen: 4000, recordedCashFen: 4400 });
    const late = await sell(w.keeperA, w.books.id, { amountFen: 100, method: 'cash' }, 'late-0001');
    expect(late.json().error.code).toBe('CHARITY_EVENT_NOT_OPEN');
    expect((await w.keeperA.get('/api/v1/charity/my-stalls')).json().items).toEqual([]);
  });

  it('hides events from staff of other regions and from volunteers', async () => {
    expect((await w.foreignKeeper.get(`/api/v1/charity/events/${w.event.id}`)).statusCode).toBe(404);
    const list = (await w.foreignKeeper.get('/api/v1/charity/events')).json().items;
    expect(list.map((e: { id: string }) => e.id)).not.toContain(w.event.id);
    expect((await w.keeperA.get(`/api/v1/charity/events/${w.event.id}`)).statusCode).toBe(403);
    expect((await w.institute.get('/api/v1/charity/events')).json().items.map((e: { id: string }) => e.id)).toContain(
      w.event.id,
    );
  });
});
