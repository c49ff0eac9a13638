import { and, eq, sql } from 'drizzle-orm';
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind } from '../../../test/server.js';
import type { Actor } from './access.js';
import type { Database } from './db.js';
import { AppError } from './errors.js';
import { apply, defineMachine } from './state-machine.js';
import { transitionRow } from './state-machine-db.js';

interface Ticket {
  state: 'open' | 'taken' | 'closed';
}

// `escalate` leaves the state as it is: only the version tells two concurrent escalations apart.
const tickets = defineMachine({
  subject: { zh: '工单', en: 'ticket' },
  states: {
    open: { zh: '待处理', en: 'open' },
    taken: { zh: '处理中', en: 'taken' },
    closed: { zh: '已关闭', en: 'closed' },
  },
  events: {
    escalate: { label: { zh: '上报', en: 'escalate' }, from: ['open'], to: 'open' },
    take: { label: { zh: '接手', en: 'take' }, from: ['open'], to: 'taken' },
    close: { label: { zh: '关闭', en: 'close' }, from: ['open', 'taken'], to: 'closed' },
  },
});

const versioned = pgTable(
  'sm_test_tickets',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    state: text('state').notNull().$type<Ticket['state']>(),
    version: integer('version').notNull(),
    level: integer('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

const someone: Actor = { tenantId: '371002', userId: 'u', displayName: 'u', grants: [] };
const where = and(eq(versioned.tenantId, '371002'), eq(versioned.id, 't1'));

describe(`a versioned transition written to the database (${databaseKind})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table sm_test_tickets (
      tenant_id text not null, id text not null, state text not null, version integer not null,
      level integer not null, primary key (tenant_id, id))`);
  });
  beforeEach(async () => {
    await database.db.delete(versioned);
    await database.db.insert(versioned).values({ tenantId: '371002', id: 't1', state: 'open', version: 0, level: 0 });
  });
  afterAll(() => database.close());

  it('lets exactly one of many concurrent transitions from one read win, even those that keep the state', async () => {
    const { db } = database;
    const [read] = await db.select().from(versioned).where(where);
    const events = ['escalate', 'take', 'close'] as const;
    const attempts = Array.from({ length: 12 }, (_, i) =>
      db.transaction(async (tx) => {
        const step = apply(tickets, read as Ticket, events[i % 3] as (typeof events)[number], someone);
        return transitionRow(tx, versioned, where, tickets, step, { level: i + 1 }, { version: read!.version });
      }),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<typeof read>[];
    expect(won).toHaveLength(1);
    const [final] = await db.select().from(versioned).where(where);
    expect(final).toEqual(won[0]!.value);
    expect(final?.version).toBe(1);
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      expect(r.reason).toBeInstanceOf(AppError);
      // A loser that would still start from the row's state was overtaken by a newer version.
      expect((r.reason as AppError).code).toBe(final?.state === 'open' ? 'CONFLICT' : 'ILLEGAL_TRANSITION');
    }
  });

  it('refuses a step read at an older version with CONFLICT and changes nothing', async () => {
    const { db } = database;
    const [read] = await db.select().from(versioned).where(where);
    await db.update(versioned).set({ version: 1, level: 7 }).where(where);
    const step = apply(tickets, read as Ticket, 'take', someone);
    await expect(
      transitionRow(db, versioned, where, tickets, step, { level: 9 }, { version: read!.version }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const [after] = await db.select().from(versioned).where(where);
    expect(after).toMatchObject({ state: 'open', version: 1, level: 7 });
    const taken = await transitionRow(db, versioned, where, tickets, step, {}, { version: 1 });
    expect(taken).toMatchObject({ state: 'taken', version: 2, level: 7 });
  });
});
