import { and, eq, sql } from 'drizzle-orm';
import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind } from '../../../test/server.js';
import type { Actor, Grant } from './access.js';
import type { Database } from './db.js';
import { AppError } from './errors.js';
import { apply, can, defineMachine, leaves, machineFromTable } from './state-machine.js';
import { transitionRow } from './state-machine-db.js';

interface Order {
  state: 'submitted' | 'reviewed' | 'dispatched' | 'accepted' | 'in_service' | 'done' | 'cancelled';
  ordererId: string;
  volunteerId: string | null;
  regionCode: string;
  acceptedAt?: Date | null;
}

const staff = ['station_keeper', 'institute_admin', 'centre_admin'] as const;
const inRegion = (o: Order, a: Actor) =>
  a.grants.some((g) => g.regionCode !== null && o.regionCode.startsWith(g.regionCode));

const orders = defineMachine({
  subject: { zh: '订单', en: 'order' },
  states: {
    submitted: { zh: '待审核', en: 'submitted' },
    reviewed: { zh: '待派单', en: 'reviewed' },
    dispatched: { zh: '已派单', en: 'dispatched' },
    accepted: { zh: '已接单', en: 'accepted' },
    in_service: { zh: '服务中', en: 'in service' },
    done: { zh: '已完成', en: 'done' },
    cancelled: { zh: '已取消', en: 'cancelled' },
  },
  events: {
    review: { label: { zh: '审核', en: 'review' }, from: ['submitted'], to: 'reviewed', roles: staff, when: inRegion },
    dispatch: {
      label: { zh: '派单', en: 'dispatch' },
      from: ['reviewed'],
      to: 'dispatched',
      roles: staff,
      when: inRegion,
    },
    accept: {
      label: { zh: '接单', en: 'accept' },
      from: ['dispatched'],
      to: 'accepted',
      roles: ['volunteer'],
      when: (o: Order, a: Actor) => o.volunteerId === a.userId,
      writes: ({ now }) => ({ acceptedAt: now }),
    },
    start: {
      label: { zh: '开始服务', en: 'start' },
      from: ['accepted'],
      to: 'in_service',
      when: (o: Order, a: Actor) => o.volunteerId === a.userId,
    },
    finish: {
      label: { zh: '完成', en: 'finish' },
      from: ['in_service'],
      to: 'done',
      when: (o: Order, a: Actor) => o.volunteerId === a.userId,
    },
    cancel: {
      label: { zh: '取消', en: 'cancel' },
      from: ['submitted', 'reviewed', 'dispatched', 'accepted'],
      to: 'cancelled',
      when: (o: Order, a: Actor) => o.ordererId === a.userId,
    },
  },
});

type OrderState = Order['state'];
type OrderEvent = (typeof orders.eventNames)[number];

const actor = (userId: string, grants: Grant[] = []): Actor => ({
  tenantId: '371002',
  userId,
  displayName: userId,
  grants,
});

const arbGrant: fc.Arbitrary<Grant> = fc.record({
  role: fc.constantFrom('resident', 'volunteer', 'station_keeper', 'institute_admin', 'centre_admin', 'judge'),
  regionCode: fc.constantFrom(null, '371002', '371002002', '371002002005', '371002003'),
  organisationId: fc.constant(null),
});
const arbActor = fc
  .record({
    userId: fc.constantFrom('u1', 'u2', 'u3'),
    grants: fc.array(arbGrant, { maxLength: 3 }),
  })
  .map((a) => actor(a.userId, a.grants));
const arbOrder: fc.Arbitrary<Order> = fc.record({
  state: fc.constantFrom(...orders.stateNames),
  ordererId: fc.constantFrom('u1', 'u2', 'u3'),
  volunteerId: fc.constantFrom(null, 'u1', 'u2', 'u3'),
  regionCode: fc.constantFrom('371002002005', '371002003001'),
});
const arbEvent = fc.constantFrom(...orders.eventNames);

function outcome(order: Order, event: OrderEvent, who: Actor): 'ok' | string {
  try {
    apply(orders, order, event, who);
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

describe('a state machine declared as data', () => {
  it('shows a button exactly when the use case would accept the event (can ⇔ apply succeeds)', () => {
    fc.assert(
      fc.property(arbOrder, arbActor, (order, who) => {
        const buttons = can(orders, order, who);
        for (const event of orders.eventNames) expect(buttons[event]).toBe(outcome(order, event, who) === 'ok');
      }),
      { numRuns: 500 },
    );
  });

  it('refuses with 409 exactly when the state does not allow the event, and 403 when only the guard refuses', () => {
    fc.assert(
      fc.property(arbOrder, arbEvent, arbActor, (order, event, who) => {
        const result = outcome(order, event, who);
        if (!leaves(orders, order.state, event)) expect(result).toBe('ILLEGAL_TRANSITION');
        else expect(['ok', 'FORBIDDEN']).toContain(result);
      }),
      { numRuns: 500 },
    );
  });

  it('only ever moves to the declared target, never changes the record it is given, and never leaves an end state', () => {
    const ends: OrderState[] = ['done', 'cancelled'];
    fc.assert(
      fc.property(arbOrder, fc.array(fc.tuple(arbEvent, arbActor), { maxLength: 20 }), (start, steps) => {
        let order = { ...start };
        for (const [event, who] of steps) {
          const frozen = Object.freeze({ ...order });
          let step: ReturnType<typeof apply<OrderState, OrderEvent, Order>>;
          try {
            step = apply(orders, frozen, event, who);
          } catch {
            continue;
          }
          expect(ends).not.toContain(order.state);
          expect(step.to).toBe(orders.events[event].to);
          expect(step.set.state).toBe(step.to);
          expect(step.from).toBe(frozen.state);
          order = { ...order, ...step.set };
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes what the event declares (the time of acceptance)', () => {
    const now = new Date('2026-05-01T08:00:00Z');
    const order: Order = { state: 'dispatched', ordererId: 'u1', volunteerId: 'u2', regionCode: '371002002005' };
    const step = apply(
      orders,
      order,
      'accept',
      actor('u2', [{ role: 'volunteer', regionCode: null, organisationId: null }]),
      now,
    );
    expect(step).toEqual({
      event: 'accept',
      from: 'dispatched',
      to: 'accepted',
      set: { state: 'accepted', acceptedAt: now },
    });
  });

  it('names the state and the event in Chinese and English when the transition is illegal', () => {
    const order: Order = { state: 'in_service', ordererId: 'u1', volunteerId: 'u2', regionCode: '371002002005' };
    const err = (() => {
      try {
        apply(orders, order, 'cancel', actor('u1'));
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.status).toBe(409);
    expect(err?.code).toBe('ILLEGAL_TRANSITION');
    expect(err?.messageZh).toBe('该订单当前为「服务中」，不能「取消」');
    expect(err?.messageEn).toBe('This order is in service: "cancel" is not possible now');
  });

  it('lets a keeper review an order in their community but not one elsewhere', () => {
    const keeper = actor('k', [{ role: 'station_keeper', regionCode: '371002002005', organisationId: null }]);
    const here: Order = { state: 'submitted', ordererId: 'u1', volunteerId: null, regionCode: '371002002005' };
    expect(can(orders, here, keeper)).toMatchObject({ review: true, dispatch: false, cancel: false });
    expect(can(orders, { ...here, regionCode: '371002003001' }, keeper).review).toBe(false);
    expect(can(orders, here, null).review).toBe(false);
  });

  it('builds the same machine from a transition table (one row an event)', () => {
    const mine = (o: Order, a: Actor) => o.volunteerId === a.userId;
    const table = machineFromTable<OrderState, OrderEvent, Order>({
      subject: { zh: '订单', en: 'order' },
      states: orders.stateNames.map((s) => [s, orders.states[s].zh, orders.states[s].en] as const),
      events: [
        ['review', '审核', 'review', 'submitted', 'reviewed', { roles: staff, when: inRegion }],
        ['dispatch', '派单', 'dispatch', 'reviewed', 'dispatched', { roles: staff, when: inRegion }],
        [
          'accept',
          '接单',
          'accept',
          'dispatched',
          'accepted',
          { roles: ['volunteer'], when: mine, writes: ({ now }) => ({ acceptedAt: now }) },
        ],
        ['start', '开始服务', 'start', 'accepted', 'in_service', { when: mine }],
        ['finish', '完成', 'finish', 'in_service', 'done', { when: mine }],
        [
          'cancel',
          '取消',
          'cancel',
          ['submitted', 'reviewed', 'dispatched', 'accepted'],
          'cancelled',
          { when: (o, a) => o.ordererId === a.userId },
        ],
      ],
    });
    expect(table.states).toEqual(orders.states);
    expect(table.eventNames).toEqual(orders.eventNames);
    const now = new Date('2026-03-05T02:00:00Z');
    const step = (m: typeof orders, order: Order, event: OrderEvent, who: Actor) => {
      try {
        return apply(m, order, event, who, now);
      } catch (err) {
        return (err as AppError).code;
      }
    };
    fc.assert(
      fc.property(arbOrder, arbEvent, arbActor, (order, event, who) => {
        expect(step(table, order, event, who)).toEqual(step(orders, order, event, who));
        expect(can(table, order, who)).toEqual(can(orders, order, who));
      }),
    );
    expect(() =>
      machineFromTable({
        subject: { zh: '测试', en: 'test' },
        states: [['a', 'a', 'a']],
        events: [
          ['go', '走', 'go', 'a', 'a'],
          ['go', '走', 'go', 'a', 'a'],
        ],
      }),
    ).toThrow(/go declared twice/);
  });

  it('refuses a declaration that names a state it does not have', () => {
    expect(() =>
      defineMachine({
        subject: { zh: '测试', en: 'test' },
        states: { a: { zh: 'a', en: 'a' } },
        events: { go: { label: { zh: '走', en: 'go' }, from: ['a'], to: 'b' as 'a' } },
      }),
    ).toThrow(/unknown state b/);
  });
});

const testOrders = pgTable(
  'sm_test_orders',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    state: text('state').notNull().$type<OrderState>(),
    volunteerId: text('volunteer_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

describe(`a transition written to the database (${databaseKind})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table sm_test_orders (
      tenant_id text not null, id text not null, state text not null, volunteer_id text,
      accepted_at timestamptz, primary key (tenant_id, id))`);
  });
  afterAll(() => database.close());

  it('lets exactly one of many concurrent transitions win; the others get 409 naming the new state', async () => {
    const { db } = database;
    await db.insert(testOrders).values({ tenantId: '371002', id: 'o1', state: 'dispatched', volunteerId: 'v' });
    const where = and(eq(testOrders.tenantId, '371002'), eq(testOrders.id, 'o1'));
    const [row] = await db.select().from(testOrders).where(where);
    const record: Order = { ...row!, ordererId: 'r', regionCode: '371002002005' };
    const volunteer = actor('v', [{ role: 'volunteer', regionCode: null, organisationId: null }]);
    const orderer = actor('r');
    const attempts = Array.from({ length: 12 }, (_, i) =>
      db.transaction(async (tx) => {
        const step = i % 2 ? apply(orders, record, 'accept', volunteer) : apply(orders, record, 'cancel', orderer);
        return transitionRow(tx, testOrders, where, orders, step);
      }),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const [final] = await db.select().from(testOrders).where(where);
    expect(final?.state).toBe((won[0] as PromiseFulfilledResult<{ state: string }>).value.state);
    if (final?.state === 'accepted') expect(final.acceptedAt).toBeInstanceOf(Date);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(AppError);
        expect((r.reason as AppError).code).toBe('ILLEGAL_TRANSITION');
        expect((r.reason as AppError).messageZh).toContain(final?.state === 'accepted' ? '已接单' : '已取消');
      }
    }
  });

  it('answers NOT_FOUND for a row that does not exist', async () => {
    const record: Order = { state: 'dispatched', ordererId: 'r', volunteerId: 'v', regionCode: '371002002005' };
    const step = apply(orders, record, 'cancel', actor('r'));
    const where = and(eq(testOrders.tenantId, '371002'), eq(testOrders.id, 'missing'));
    await expect(transitionRow(database.db, testOrders, where, orders, step)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
