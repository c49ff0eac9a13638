/**
 * Points for the synthetic demo year (合成演示数据), credited in bulk when the demo history is seeded:
 * every synthetic confirmation that was never reversed earns what the job would have given it
 * (hours, and an activity's completion points), dated when the hours were confirmed and labelled
 * `synthetic` in the posting's data. The earning job never looks at synthetic records (earn.ts), and
 * each credit's `points_earnings` row is written with it, so nothing is credited twice.
 *
 * Short transactions: at most 100 confirmations (≤ 200 credits) each, yielding to waiting requests
 * between them, so that on the embedded database (one connection) no request waits behind the seed
 * for more than a fraction of a second. Read in id order after a cursor; a restart carries on after
 * the last synthetic confirmation already claimed (claims are written in that order).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { type Credit, creditInBulk } from './earn-bulk.js';
import { confirmationCredits, hoursEventsToEarn } from './hours-credits.js';
import { pointsSettingsFor } from './settings.js';

const EVENTS_PER_TRANSACTION = 100;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The last synthetic confirmation credited already (0: none), and the records whose hours were reversed. */
async function startingPoint(db: Db, tenantId: string) {
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
  const reversed = rowsOf<{ id: string }>(
    await db.execute(sql`
      select distinct service_record_id as id from hours_events
       where tenant_id = ${tenantId} and kind = 'hours.reversed'`),
  );
  return { afterId: Number(done?.id ?? 0), reversed: new Set(reversed.map((r) => r.id)) };
}

const yieldToRequests = () => new Promise((resolve) => setTimeout(resolve, 5));

/** An attendance earns its completion points once, however many of its records there are. */
function firstTime(attended: Set<string>, c: Credit): boolean {
  if (c.claim.sourceType !== 'activity_attendance') return true;
  if (attended.has(c.claim.sourceId)) return false;
  attended.add(c.claim.sourceId);
  return true;
}

/** Credits the tenant's synthetic history not credited yet; answers how many sources it claimed. */
export async function creditSyntheticHistory(db: Db, tenantId: string): Promise<number> {
  const rules = await pointsSettingsFor(db, tenantId);
  const start = await startingPoint(db, tenantId);
  let afterId = start.afterId;
  let credited = 0;
  for (;;) {
    const rows = await hoursEventsToEarn(db, { synthetic: true, tenantId, afterId, limit: EVENTS_PER_TRANSACTION });
    const last = rows.at(-1);
    if (!last) return credited;
    afterId = last.id;
    const attended = new Set<string>();
    const credits = rows
      .filter((e) => !start.reversed.has(e.serviceRecordId))
      .flatMap((e) => confirmationCredits(e, rules, true))
      .filter((c) => firstTime(attended, c));
    credited += await creditInBulk(db, tenantId, credits);
    await yieldToRequests();
  }
}
