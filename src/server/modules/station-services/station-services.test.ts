import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdOf } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { bookLoans, selfHelpMovements } from './schema.js';

let t: TestContext;
let keeper: Client;
let post: string; // 大世界雷锋岗, in the keeper's community, with all five zones
let outside: string; // 威高商圈雷锋岗, in 竹岛街道
let station: string; // 北门外社区 station, no zones
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  const points: { id: string; name: string; kind: string; regionCode: string }[] = (
    await anonymous(t.app).get('/api/v1/public/sites/map')
  ).json().items;
  const find = (f: (p: (typeof points)[number]) => boolean) => {
    const p = points.find(f);
    if (!p) throw new Error('site missing');
    return p.id;
  };
  post = find((p) => p.name === '大世界雷锋岗');
  outside = find((p) => p.name === '威高商圈雷锋岗');
  station = find((p) => p.kind === 'station' && p.regionCode === '371002002005');
});
afterAll(() => t.close());

const DAY = 24 * 60 * 60 * 1000;

describe('book drift corner', () => {
  it('registers a book, lends it for 30 days, refuses a second loan, and takes it back', async () => {
    const created = await keeper.post(`/api/v1/sites/${post}/books`, {
      title: '钢铁是怎样炼成的',
      author: '奥斯特洛夫斯基',
      isbn: '9787020049295',
      donor: '王大爷',
    });
    expect(created.statusCode, created.body).toBe(201);
    const book = created.json();
    expect(book).toMatchObject({ title: '钢铁是怎样炼成的', currentLoan: null });

    const lent = await keeper.post(`/api/v1/sites/${post}/books/${book.id}/loans`, {
      phone: demo.volunteer,
      name: '李志愿',
    });
    expect(lent.statusCode, lent.body).toBe(201);
    const loan = lent.json();
    expect(loan).toMatchObject({
      borrowerName: '李志愿',
      borrowerUserId: null,
      borrowerPhoneMasked: '138****0005',
      overdue: false,
      returnedAt: null,
    });
    const [linked] = await t.database.db
      .select({ userId: bookLoans.borrowerUserId })
      .from(bookLoans)
      .where(eq(bookLoans.id, loan.id));
    expect(linked?.userId).toBe(await userIdOf(t.database, demo.volunteer));
    expect(Date.parse(loan.dueAt) - Date.parse(loan.lentAt)).toBe(30 * DAY);

    const twice = await keeper.post(`/api/v1/sites/${post}/books/${book.id}/loans`, {
      phone: demo.resident,
      name: '王大爷',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('BOOK_ALREADY_LENT');

    const listed = (await keeper.get(`/api/v1/sites/${post}/books?state=lent`)).json().items;
    expect(listed.map((b: { id: string }) => b.id)).toContain(book.id);

    const back = await keeper.post(`/api/v1/sites/${post}/books/${book.id}/return`);
    expect(back.statusCode).toBe(200);
    expect(back.json().returnedAt).toBeTruthy();
    const again = await keeper.post(`/api/v1/sites/${post}/books/${book.id}/return`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BOOK_NOT_LENT');

    const relent = await keeper.post(`/api/v1/sites/${post}/books/${book.id}/loans`, {
      phone: '13912345678',
      name: '张阿姨',
      days: 14,
    });
    expect(relent.statusCode).toBe(201);
    expect(relent.json()).toMatchObject({
      borrowerUserId: null,
      borrowerName: '张阿姨',
      borrowerPhoneMasked: '139****5678',
    });

    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'drift_book'), eq(auditLog.entityId, book.id)));
    expect(actions.map((a) => a.action).sort()).toEqual(['book.lend', 'book.lend', 'book.register', 'book.return']);
  });

  it('never lends one book twice, even when two keepers lend it at the same moment', async () => {
    const book = (await keeper.post(`/api/v1/sites/${post}/books`, { title: '并发测试' })).json();
    const institute = await signIn(t.app, demo.instituteAdmin);
    const results = await Promise.all([
      keeper.post(`/api/v1/sites/${post}/books/${book.id}/loans`, { phone: demo.volunteer, name: '李志愿' }),
      institute.post(`/api/v1/sites/${post}/books/${book.id}/loans`, { phone: demo.resident, name: '王大爷' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const open = await t.database.db
      .select()
      .from(bookLoans)
      .where(and(eq(bookLoans.bookId, book.id), sql`${bookLoans.returnedAt} is null`));
    expect(open).toHaveLength(1);
  });

  it('needs a name with every phone, registered or not, and answers both alike', async () => {
    const book = (await keeper.post(`/api/v1/sites/${post}/books`, { title: '无名借阅' })).json();
    const unregistered = await keeper.post(`/api/v1/sites/${post}/books/${book.id}/loans`, { phone: '13912340000' });
    const registered = await keeper.post(`/api/v1/sites/${post}/books/${book.id}/loans`, { phone: demo.judge });
    for (const noName of [unregistered, registered]) {
      expect(noName.statusCode).toBe(400);
      expect(noName.json().error.details).toEqual([
        { field: 'body.name', message: '请填写借阅人姓名', messageEn: 'Give the borrower’s name' },
      ]);
    }
    const shapes = [];
    for (const phone of ['13912340001', demo.judge]) {
      const b = (await keeper.post(`/api/v1/sites/${post}/books`, { title: `同样的回答${phone}` })).json();
      const lent = await keeper.post(`/api/v1/sites/${post}/books/${b.id}/loans`, { phone, name: '来借书的人' });
      expect(lent.statusCode, lent.body).toBe(201);
      const { id: _id, bookId: _b, bookTitle: _t, lentAt: _l, dueAt: _d, borrowerPhoneMasked, ...rest } = lent.json();
      shapes.push({ ...rest, masked: borrowerPhoneMasked.length });
    }
    expect(shapes[0]).toEqual(shapes[1]);
    const nobody = await keeper.post(`/api/v1/sites/${post}/books/${book.id}/loans`, {});
    expect(nobody.statusCode).toBe(400);
    const badIsbn = await keeper.post(`/api/v1/sites/${post}/books`, { title: 'x', isbn: '12' });
    expect(badIsbn.statusCode).toBe(400);
  });

  it('shows overdue loans', async () => {
    const book = (await keeper.post(`/api/v1/sites/${post}/books`, { title: '逾期未还' })).json();
    const loan = (
      await keeper.post(`/api/v1/sites/${post}/books/${book.id}/loans`, { phone: demo.resident, name: '王大爷' })
    ).json();
    await t.database.db
      .update(bookLoans)
      .set({ dueAt: sql`now() - interval '3 days'` })
      .where(eq(bookLoans.id, loan.id));

    const overdue = (await keeper.get('/api/v1/book-loans?state=overdue')).json().items;
    expect(overdue).toEqual([expect.objectContaining({ id: loan.id, overdue: true, bookTitle: '逾期未还' })]);
    const books = (await keeper.get(`/api/v1/sites/${post}/books?state=overdue`)).json().items;
    expect(books.map((b: { id: string }) => b.id)).toEqual([book.id]);

    // Not in the scope of a keeper elsewhere: the centre sees it, the 竹岛 post's list does not have it.
    const centre = await signIn(t.app, demo.centreAdmin);
    const all = (await centre.get('/api/v1/book-loans?state=overdue')).json().items;
    expect(all.map((l: { id: string }) => l.id)).toContain(loan.id);
    const there = (await centre.get(`/api/v1/book-loans?state=overdue&siteId=${outside}`)).json().items;
    expect(there).toEqual([]);
  });

  it('needs the book drift zone at the site', async () => {
    const res = await keeper.post(`/api/v1/sites/${station}/books`, { title: '无处安放' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SITE_ZONE_NOT_OPEN');
  });
});

describe('self-help corner', () => {
  it('takes and restocks, never below zero, with a ledger that adds up', async () => {
    const created = await keeper.post(`/api/v1/sites/${post}/self-help-items`, {
      name: '充电宝',
      unit: '个',
      quantity: 2,
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();

    const tooMany = await keeper.post(`/api/v1/sites/${post}/self-help-items/${item.id}/take`, { quantity: 3 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.code).toBe('SELF_HELP_NOT_ENOUGH');

    const took = await keeper.post(`/api/v1/sites/${post}/self-help-items/${item.id}/take`, { quantity: 2 });
    expect(took.json().quantity).toBe(0);
    const restocked = await keeper.post(`/api/v1/sites/${post}/self-help-items/${item.id}/restock`, {
      quantity: 5,
      note: '爱心商户捐赠',
    });
    expect(restocked.json().quantity).toBe(5);

    const zero = await keeper.post(`/api/v1/sites/${post}/self-help-items/${item.id}/take`, { quantity: 0 });
    expect(zero.statusCode).toBe(400);

    const ledger = (await keeper.get(`/api/v1/sites/${post}/self-help-items/${item.id}/movements`)).json().items;
    expect(ledger.map((m: { delta: number }) => m.delta)).toEqual([5, -2, 2]);
    expect(ledger.reduce((s: number, m: { delta: number }) => s + m.delta, 0)).toBe(5);
    expect(ledger[0]).toMatchObject({
      kind: 'restock',
      quantityAfter: 5,
      note: '爱心商户捐赠',
      actorName: '北门外社区专管员',
    });

    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'self_help_item'), eq(auditLog.entityId, item.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'self_help.item.create',
      'self_help.item.restock',
      'self_help.item.take',
    ]);

    const dup = await keeper.post(`/api/v1/sites/${post}/self-help-items`, { name: '充电宝' });
    expect(dup.statusCode).toBe(409);
  });

  it('lets exactly the available quantity be taken when many take at once', async () => {
    const item = (await keeper.post(`/api/v1/sites/${post}/self-help-items`, { name: '口罩', quantity: 5 })).json();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        keeper.post(`/api/v1/sites/${post}/self-help-items/${item.id}/take`, { quantity: 1 }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(3);
    const items = (await keeper.get(`/api/v1/sites/${post}/self-help-items`)).json().items;
    expect(items.find((i: { id: string }) => i.id === item.id).quantity).toBe(0);
    const moves = await t.database.db.select().from(selfHelpMovements).where(eq(selfHelpMovements.itemId, item.id));
    expect(moves.reduce((s, m) => s + m.delta, 0)).toBe(0);
  });
});

describe('station services across scopes', () => {
  it('answers a keeper of another community as for a site that does not exist', async () => {
    const centre = await signIn(t.app, demo.centreAdmin);
    const theirBook = (await centre.post(`/api/v1/sites/${outside}/books`, { title: '竹岛的书' })).json();
    const theirItem = (
      await centre.post(`/api/v1/sites/${outside}/self-help-items`, { name: '雨伞', quantity: 3 })
    ).json();
    expect(theirBook.id).toBeTruthy();
    expect(theirItem.id).toBeTruthy();

    const calls: [string, string, unknown?][] = [
      ['GET', 'books'],
      ['POST', 'books', { title: '越权' }],
      ['POST', `books/${theirBook.id}/loans`, { phone: demo.volunteer, name: '李志愿' }],
      ['POST', `books/${theirBook.id}/return`, {}],
      ['GET', 'self-help-items'],
      ['POST', 'self-help-items', { name: '越权' }],
      ['POST', `self-help-items/${theirItem.id}/take`, { quantity: 1 }],
      ['POST', `self-help-items/${theirItem.id}/restock`, { quantity: 1 }],
      ['GET', `self-help-items/${theirItem.id}/movements`],
    ];
    for (const [method, path, payload] of calls) {
      const there = await keeper.request({
        method,
        url: `/api/v1/sites/${outside}/${path}`,
        payload: payload as never,
      });
      const nowhere = await keeper.request({
        method,
        url: `/api/v1/sites/${MISSING}/${path}`,
        payload: payload as never,
      });
      expect(there.statusCode, `${method} ${path}`).toBe(404);
      expect(there.json(), `${method} ${path}`).toEqual(nowhere.json());
    }
    const loans = await keeper.get(`/api/v1/book-loans?siteId=${outside}`);
    expect(loans.statusCode).toBe(404);

    // Nothing changed over there.
    const items = (await centre.get(`/api/v1/sites/${outside}/self-help-items`)).json().items;
    expect(items).toEqual([expect.objectContaining({ name: '雨伞', quantity: 3 })]);
  });

  it('shows anyone how many books are on the shelf and which items are there', async () => {
    const res = await anonymous(t.app).get(`/api/v1/public/sites/${post}/services`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.bookDrift.open).toBe(true);
    expect(body.bookDrift.total).toBeGreaterThanOrEqual(3);
    expect(body.bookDrift.available).toBeLessThanOrEqual(body.bookDrift.total);
    expect(body.selfHelp.items.map((i: { name: string }) => i.name)).toEqual(
      expect.arrayContaining(['爱心雨伞', '应急药箱', '饮用水']),
    );
    expect(res.body).not.toContain('李志愿');
    expect((await anonymous(t.app).get(`/api/v1/public/sites/${MISSING}/services`)).statusCode).toBe(404);
  });
});

describe('retried writes', () => {
  it('takes an item once when the same request is sent twice with one Idempotency-Key', async () => {
    const item = (await keeper.post(`/api/v1/sites/${post}/self-help-items`, { name: '纸巾', quantity: 4 })).json();
    const headers = { 'idempotency-key': 'take-tissue-0001' };
    const url = `/api/v1/sites/${post}/self-help-items/${item.id}/take`;
    const first = await keeper.post(url, { quantity: 1 }, headers);
    const retry = await keeper.post(url, { quantity: 1 }, headers);
    expect(first.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(retry.json().quantity).toBe(3);
  });
});
