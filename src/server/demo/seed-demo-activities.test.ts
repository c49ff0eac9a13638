/** The synthetic year of activities: attendance, records and the hours ledger keep every invariant. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/server.js';
import type { Database, Db } from '../platform/db.js';
import { DEMO_DISTRICT } from './seed-demo.js';
import { seedDemoActivities } from './seed-demo-activities.js';

const NOW = new Date('2026-11-20T03:30:00Z');
/** A few activities and volunteers keep the file quick; the rules are the demo's. */
const SCALE = { activities: 5, volunteers: 90 };
let database: Database;
let db: Db;

const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0] as T;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  expect(await seedDemoActivities(db, DEMO_DISTRICT, NOW, SCALE)).toBe(true);
});
afterAll(async () => {
  await database?.close();
});

describe('synthetic activities', () => {
  it('are seeded once, labelled, with a year of occurrences, attendance and records', async () => {
    expect(await seedDemoActivities(db, DEMO_DISTRICT, NOW, SCALE)).toBe(false);
    const counts = await one<Record<string, string>>(sql`select
      (select count(*) from activities where synthetic) as activities,
      (select count(*) from activities where not synthetic) as real_activities,
      (select count(*) from activity_sessions) as sessions,
      (select min(starts_at) from activity_sessions) as first,
      (select count(*) from activity_attendance where synthetic) as attendance,
      (select count(*) from service_records where synthetic and status = 'confirmed') as confirmed,
      (select count(*) from service_records where synthetic and status = 'pending') as pending,
      (select count(*) from service_records where status = 'corrected') as corrected,
      (select count(*) from hours_corrections where state = 'pending') as open_corrections,
      (select count(*) from service_records where not synthetic) as real_records,
      (select count(*) from service_records where status = 'rejected' and reject_reason is not null
         and rejected_at is not null and ledger_transaction_id is null) as rejected,
      (select count(*) from activity_signups where state = 'cancelled' and cancelled_at is not null) as cancelled,
      (select count(*) from activity_signups where state = 'waitlisted') as waitlisted`);
    expect(Number(counts.activities)).toBe(SCALE.activities);
    expect(Number(counts.real_activities)).toBe(0);
    expect(Number(counts.real_records)).toBe(0);
    expect(new Date(counts.first as string).getTime()).toBeLessThan(NOW.getTime() - 350 * 24 * 3600_000);
    expect(Number(counts.attendance)).toBeGreaterThan(300);
    expect(Number(counts.confirmed)).toBeGreaterThan(300);
    expect(Number(counts.pending)).toBeGreaterThan(0);
    expect(Number(counts.corrected)).toBeGreaterThan(0);
    expect(Number(counts.open_corrections)).toBeGreaterThan(0);
    expect(Number(counts.rejected)).toBeGreaterThan(0);
    expect(Number(counts.cancelled)).toBeGreaterThan(0);
    expect(Number(counts.waitlisted)).toBeGreaterThan(0);
    // Nothing in the future was attended, and every attendance has its record with the same minutes.
    const off = await one<{ n: string }>(sql`select count(*) as n from activity_attendance a
      left join service_records r on r.tenant_id = a.tenant_id and r.id = a.service_record_id
      where a.check_in_at > ${NOW.toISOString()} or r.id is null or r.minutes <> a.minutes
         or r.source_id <> a.id::text or a.check_out_at < a.check_in_at`);
    expect(Number(off.n)).toBe(0);
    // Seats held never exceed the quota, and `taken` counts the live sign-ups.
    const seats = await one<{ n: string }>(sql`select count(*) as n from activity_sessions s
      where s.taken > s.quota or s.taken <> (select count(*) from activity_signups g
        where g.tenant_id = s.tenant_id and g.session_id = s.id and g.state in ('pending', 'confirmed'))`);
    expect(Number(seats.n)).toBe(0);
    // The waiting list is counted where it is kept, and only full, coming occurrences have one.
    const queues = await one<{ n: string }>(sql`select count(*) as n from activity_sessions s
      where s.waitlisted <> (select count(*) from activity_signups g
        where g.tenant_id = s.tenant_id and g.session_id = s.id and g.state = 'waitlisted')
         or (s.waitlisted > 0 and (s.taken < s.quota or s.ends_at < ${NOW.toISOString()}))`);
    expect(Number(queues.n)).toBe(0);
  });

  it('have waiting lists on full coming occurrences and past moves up from them, within the quota', async () => {
    // Full coming occurrences with people waiting, who queued after every seat was taken and before now.
    const waiting = await one<{ sessions: string; people: string; late: string }>(sql`select
      count(distinct s.id) as sessions, count(*) as people,
      count(*) filter (where g.queued_at > ${NOW.toISOString()} or g.queued_at < (select max(c.queued_at)
        from activity_signups c where c.tenant_id = g.tenant_id and c.session_id = g.session_id
         and c.state = 'confirmed')) as late
      from activity_signups g join activity_sessions s on s.tenant_id = g.tenant_id and s.id = g.session_id
      join activities a on a.tenant_id = s.tenant_id and a.id = s.activity_id
      where g.state = 'waitlisted' and a.synthetic and s.starts_at > ${NOW.toISOString()} and s.taken = s.quota`);
    expect(Number(waiting.sessions)).toBeGreaterThan(0);
    expect(Number(waiting.people)).toBeGreaterThan(Number(waiting.sessions));
    expect(Number(waiting.late)).toBe(0);
    const everyWaiting = await one<{ n: string }>(
      sql`select count(*) as n from activity_signups where state = 'waitlisted'`,
    );
    expect(everyWaiting.n).toBe(waiting.people);
    // Moves up (候补递补): confirmed when someone with a seat cancelled, in a full occurrence that has started.
    const moves = await rows<{ promoted: string; quota: number; taken: number; cancellers: string }>(sql`select
      p.id as promoted, s.quota, s.taken,
      (select count(*) from activity_signups c where c.tenant_id = p.tenant_id and c.session_id = p.session_id
        and c.state = 'cancelled' and c.cancelled_at = p.decided_at and c.queued_at < p.queued_at) as cancellers
      from activity_signups p join activity_sessions s on s.tenant_id = p.tenant_id and s.id = p.session_id
      where p.state = 'confirmed' and p.decided_at > p.queued_at`);
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      expect(Number(m.cancellers)).toBe(1);
      expect(m.taken).toBe(m.quota);
    }
    // Nobody signed up or cancelled after now, and no occurrence holds more than its quota.
    const future = await one<{ n: string }>(sql`select count(*) as n from activity_signups
      where queued_at > ${NOW.toISOString()} or cancelled_at > ${NOW.toISOString()} or decided_at > ${NOW.toISOString()}`);
    expect(Number(future.n)).toBe(0);
    const over = await one<{ n: string }>(sql`select count(*) as n from activity_sessions s where s.quota <
      (select count(*) from activity_signups g where g.tenant_id = s.tenant_id and g.session_id = s.id and g.state = 'confirmed')`);
    expect(Number(over.n)).toBe(0);
  });

  it('keeps the ledger invariants: balanced transactions, balances equal to entry sums and the running balance', async () => {
    const unbalanced = await one<{ n: string }>(sql`select count(*) as n from (
      select transaction_id from ledger_entries group by tenant_id, transaction_id having sum(amount) <> 0 or count(*) < 2) x`);
    expect(Number(unbalanced.n)).toBe(0);
    const drift = await one<{
      n: string;
      accounts: string;
    }>(sql`select count(*) filter (where a.balance <> coalesce(e.total, 0)) as n,
      count(*) as accounts from ledger_accounts a
      left join (select tenant_id, account_id, sum(amount) as total from ledger_entries group by tenant_id, account_id) e
        on e.tenant_id = a.tenant_id and e.account_id = a.id
      where a.unit = 'minutes'`);
    expect(Number(drift.accounts)).toBeGreaterThan(10);
    expect(Number(drift.n)).toBe(0);
    // balance_after is the running sum of the account's entries in id order.
    const running = await one<{ n: string }>(sql`select count(*) as n from (
      select balance_after, sum(amount) over (partition by tenant_id, account_id order by id) as total from ledger_entries) x
      where balance_after <> total`);
    expect(Number(running.n)).toBe(0);
    const negative = await one<{ n: string }>(
      sql`select count(*) as n from ledger_accounts where not allow_negative and balance < 0`,
    );
    expect(Number(negative.n)).toBe(0);
  });

  it('gives every confirmed record exactly one hours.confirmed event, and every corrected one its reversal', async () => {
    const wrong = await rows<{
      id: string;
      status: string;
      confirmed: string;
      reversed: string;
    }>(sql`select r.id, r.status,
        count(*) filter (where e.kind = 'hours.confirmed' and e.minutes = r.minutes
          and e.ledger_transaction_id = r.ledger_transaction_id) as confirmed,
        count(*) filter (where e.kind = 'hours.confirmed') as all_confirmed,
        count(*) filter (where e.kind = 'hours.reversed' and e.minutes = -r.minutes) as reversed
      from service_records r left join hours_events e on e.tenant_id = r.tenant_id and e.service_record_id = r.id
      group by r.id, r.status
      having (r.status in ('confirmed', 'corrected') and (count(*) filter (where e.kind = 'hours.confirmed' and e.minutes = r.minutes
                and e.ledger_transaction_id = r.ledger_transaction_id) <> 1
              or count(*) filter (where e.kind = 'hours.confirmed') <> 1))
          or (r.status = 'corrected') <> (count(*) filter (where e.kind = 'hours.reversed' and e.minutes = -r.minutes) = 1)
          or (r.status in ('pending', 'rejected') and count(e.id) > 0)`);
    expect(wrong).toEqual([]);
    // Each event's transaction moves the volunteer's account by the event's minutes, with the real keys.
    const mismatched = await one<{ n: string }>(sql`select count(*) as n from hours_events e
      join ledger_transactions t on t.tenant_id = e.tenant_id and t.id = e.ledger_transaction_id
      join ledger_entries le on le.tenant_id = t.tenant_id and le.transaction_id = t.id
      join ledger_accounts a on a.tenant_id = le.tenant_id and a.id = le.account_id and a.kind = 'hours.volunteer'
      where le.amount <> e.minutes or a.key <> 'hours:volunteer:' || e.volunteer_user_id
         or t.idempotency_key <> (case e.kind when 'hours.confirmed' then 'hours.confirm' else 'hours.reverse' end)
            || ':service_record:' || e.service_record_id`);
    expect(Number(mismatched.n)).toBe(0);
    // The demo volunteer 李志愿 has a year of confirmed hours.
    const demo = await one<{ balance: string }>(sql`select a.balance from ledger_accounts a join users u
      on u.tenant_id = a.tenant_id and a.key = 'hours:volunteer:' || u.id where u.phone = '13800000005'`);
    expect(Number(demo?.balance ?? 0)).toBeGreaterThan(60 * 60);
  });
});
