/**
 * Points for the synthetic demo year (合成演示数据), credited in bulk when the demo history is seeded:
 * every synthetic confirmation that was never reversed earns what the job would have given it
 * (hours, and an activity's completion points once per attendance), dated when the hours were
 * confirmed and labelled `synthetic` in the posting's data. The earning job never looks at synthetic
 * records (earn.ts), and each credit's `points_earnings` row is written with it, so nothing is
 * credited twice, and a second run finds nothing.
 *
 * Set-based: per batch of confirmations, one transaction of a handful of `insert … select`
 * statements (the credits into a temporary table, the accounts, the claims, the ledger headers, the
 * entries with running balances, the balances), instead of building each credit in the process.
 * Each credit is still its own ledger transaction of two entries that sum to zero (issuance →
 * volunteer), with the idempotency key and request hash `postTransaction` would give it; the
 * accounts are locked in id order as the ledger does. Batches keep each transaction short on the
 * embedded database (one connection), yielding to waiting requests between them.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { openIssuanceAccount, pointsAccountKeys } from './accounts.js';
import { pointsSettingsFor } from './settings.js';

const EVENTS_PER_TRANSACTION = 1000;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The last synthetic confirmation credited already (0: none): claims are written in id order. */
async function startingPoint(db: Db, tenantId: string): Promise<number> {
  // The embedded database has no autovacuum: without fresh statistics on the year just seeded, each
  // batch's read is planned as a scan and sort of every event after the cursor.
  await db.execute(sql`analyze hours_events, service_records, points_earnings`);
  const [done] = rowsOf<{ id: string | number | null }>(
    await db.execute(sql`
      select max(e.id) as id
        from points_earnings p
        join hours_events e on e.tenant_id = p.tenant_id and e.id = p.source_id::bigint
        join service_records r on r.tenant_id = e.tenant_id and r.id = e.service_record_id
       where p.tenant_id = ${tenantId} and p.source_type = 'hours_event' and r.synthetic`),
  );
  return Number(done?.id ?? 0);
}

const yieldToRequests = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Credits the tenant's synthetic history not credited yet; answers how many sources it claimed. */
export async function creditSyntheticHistory(db: Db, tenantId: string): Promise<number> {
  const rules = await pointsSettingsFor(db, tenantId);
  let afterId = await startingPoint(db, tenantId);
  let credited = 0;
  for (;;) {
    const ids = rowsOf<{ id: string | number }>(
      await db.execute(sql`
        select e.id from hours_events e
          join service_records r on r.tenant_id = e.tenant_id and r.id = e.service_record_id
         where e.tenant_id = ${tenantId} and e.id > ${afterId} and e.kind = 'hours.confirmed' and r.synthetic
         order by e.id limit ${EVENTS_PER_TRANSACTION}`),
    );
    const last = ids.at(-1);
    if (!last) return credited;
    const upTo = Number(last.id);
    credited += await db.transaction((tx) => creditBatch(tx, tenantId, rules, afterId, upTo));
    afterId = upTo;
    await yieldToRequests();
  }
}

const volunteerKey = sql.raw(`'${pointsAccountKeys.volunteer('')}' || c.user_id::text`);

async function creditBatch(
  tx: Db,
  tenantId: string,
  rules: { pointsPerHour: number; activityCompletionPoints: number },
  afterId: number,
  upTo: number,
): Promise<number> {
  const issuance = await openIssuanceAccount(tx, tenantId);
  await tx.execute(sql`
    create temporary table synthetic_credits (
      ord bigint, source_type text, source_id text, user_id uuid, points integer, service_record_id uuid,
      tx_id uuid, at timestamptz, kind text, memo text, src_type text, src_id text, data text
    ) on commit drop`);
  // Hours (points as rules.pointsForMinutes), then each attendance's completion points once.
  await tx.execute(sql`
    with reversed as (
      select distinct service_record_id as id from hours_events
       where tenant_id = ${tenantId} and kind = 'hours.reversed'
    ), ev as (
      select e.id, e.at, e.service_record_id, e.volunteer_user_id as user_id, e.minutes, r.content,
             r.source_type as record_type, r.source_id as record_id,
             case when e.minutes <= 0 or ${rules.pointsPerHour}::int <= 0 then 0
                  else floor((e.minutes * ${rules.pointsPerHour}::int * 2 + 60) / 120)::int end as points
        from hours_events e
        join service_records r on r.tenant_id = e.tenant_id and r.id = e.service_record_id
       where e.tenant_id = ${tenantId} and e.id > ${afterId} and e.id <= ${upTo}
         and e.kind = 'hours.confirmed' and r.synthetic
         and not exists (select 1 from reversed v where v.id = e.service_record_id)
    )
    insert into synthetic_credits
    select ev.id * 2, 'hours_event', ev.id::text, ev.user_id, ev.points, ev.service_record_id,
           case when ev.points > 0 then gen_random_uuid() end, ev.at, 'points.earn.hours',
           '服务时长：' || ev.content, 'service_record', ev.service_record_id::text,
           '{"minutes":' || ev.minutes || ',"pointsPerHour":' || ${rules.pointsPerHour}::int || ',"synthetic":true}'
      from ev
    union all
    select * from (
      select distinct on (ev.record_id) ev.id * 2 + 1, 'activity_attendance', ev.record_id, ev.user_id,
             ${rules.activityCompletionPoints}::int, null::uuid, gen_random_uuid(), ev.at, 'points.earn.activity',
             '完成活动：' || ev.content, 'activity_attendance', ev.record_id, '{"synthetic":true}'
        from ev
       where ev.record_type = 'activity_attendance' and ${rules.activityCompletionPoints}::int > 0
       order by ev.record_id, ev.id
    ) a`);
  // Claims first: a source claimed already (another run) is dropped from the batch and posts nothing.
  await tx.execute(sql`
    with claimed as (
      insert into points_earnings (tenant_id, source_type, source_id, user_id, points, service_record_id, transaction_id, handled_at)
      select ${tenantId}, source_type, source_id, user_id, points, service_record_id, tx_id, at
        from synthetic_credits order by ord
      on conflict do nothing
      returning source_type, source_id
    )
    delete from synthetic_credits c
     where not exists (select 1 from claimed k where k.source_type = c.source_type and k.source_id = c.source_id)`);
  const [claimed] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from synthetic_credits`));
  await tx.execute(sql`delete from synthetic_credits where tx_id is null`);
  await tx.execute(sql`
    insert into ledger_accounts (tenant_id, key, kind, unit, name)
    select distinct ${tenantId}, ${volunteerKey}, 'points.volunteer', 'points', '志愿者积分'
      from synthetic_credits c
    on conflict do nothing`);
  await tx.execute(sql`
    create temporary table synthetic_postings on commit drop as
    select c.*, a.id as account_id from synthetic_credits c
      join ledger_accounts a on a.tenant_id = ${tenantId} and a.key = ${volunteerKey}`);
  await tx.execute(sql`
    select id from ledger_accounts
     where tenant_id = ${tenantId}
       and (id = ${issuance.id} or id in (select account_id from synthetic_postings))
     order by id for update`);
  // The request hash is ledger.ts's requestHash: sha256 of the JSON of
  // [kind, entries sorted by account, memo, source, reversesId, data], written as JSON.stringify does.
  await tx.execute(sql`
    insert into ledger_transactions (tenant_id, id, kind, memo, source_type, source_id, idempotency_key, request_hash, data, created_at)
    select ${tenantId}, p.tx_id, p.kind, p.memo, p.src_type, p.src_id,
           'points.earn:' || p.source_type || ':' || p.source_id,
           encode(sha256(convert_to(
             '[' || to_json(p.kind)::text || ',[' ||
             case when ${issuance.id}::text < p.account_id::text
               then '[' || to_json(${issuance.id}::text)::text || ',' || -p.points || '],[' || to_json(p.account_id::text)::text || ',' || p.points || ']'
               else '[' || to_json(p.account_id::text)::text || ',' || p.points || '],[' || to_json(${issuance.id}::text)::text || ',' || -p.points || ']'
             end ||
             '],' || to_json(p.memo)::text || ',{"type":' || to_json(p.src_type)::text || ',"id":' || to_json(p.src_id)::text ||
             '},null,' || p.data || ']', 'UTF8')), 'hex'),
           p.data::jsonb, p.at
      from synthetic_postings p order by p.ord`);
  await tx.execute(sql`
    with moves as (
      select tx_id, ord, at, ${issuance.id}::uuid as account_id, -points as amount from synthetic_postings
      union all
      select tx_id, ord, at, account_id, points from synthetic_postings
    )
    insert into ledger_entries (tenant_id, transaction_id, account_id, amount, balance_after, created_at)
    select ${tenantId}, m.tx_id, m.account_id, m.amount,
           a.balance + sum(m.amount) over (partition by m.account_id order by m.ord rows unbounded preceding), m.at
      from moves m join ledger_accounts a on a.tenant_id = ${tenantId} and a.id = m.account_id
     order by m.ord, m.account_id::text`);
  await tx.execute(sql`
    update ledger_accounts a set balance = a.balance + d.delta
      from (
        select account_id, sum(points) as delta from synthetic_postings group by account_id
        union all
        select ${issuance.id}::uuid, -sum(points) from synthetic_postings having count(*) > 0
      ) d
     where a.tenant_id = ${tenantId} and a.id = d.account_id`);
  return claimed?.n ?? 0;
}
