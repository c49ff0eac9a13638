/**
 * The earning job (`points.earn`, every minute on the durable job runner). It consumes, per
 * tenant and in id order:
 *
 * - `hours_events` (hours module hook): `hours.confirmed` credits `pointsForMinutes(minutes,
 *   pointsPerHour)`; when the record comes from an activity attendance, the attendance also earns
 *   the activity-completion points, once per attendance (`points.earn:activity_attendance:<id>`),
 *   and a later correction of its minutes does not take them back (the volunteer did attend).
 *   `hours.reversed` takes back exactly what that record's confirmation credited, by a new
 *   reversing posting; if the volunteer already spent the points, what the balance covers is
 *   taken now and the rest is booked as owed and recovered from later earnings (ledger-ops.ts).
 * - orders rated 5 stars: the bonus to the volunteer who served, once per order.
 *
 * Synthetic demo history (records and orders marked `synthetic`) earns nothing: its volunteers are
 * synthetic accounts, and crediting a year of it would hold the embedded database for an hour.
 *
 * Exactly once: every handled source gets a `points_earnings` row (primary key = the source) in
 * the same transaction as its postings, and the job only picks sources without one; the ledger
 * postings carry `points.earn:hours_event:<id>`-style keys as a second guard. Handling a source
 * twice changes nothing, and a restart simply picks up what has no row yet. A source is handled
 * under the rules in force when the job meets it.
 */
import { and, asc, eq, isNotNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { orders } from '../orders/index.js';
import { type Claim, type Credit, creditInBulk, debtors } from './earn-bulk.js';
import { confirmationCredits, type HoursEventRow, hoursEventsToEarn } from './hours-credits.js';
import { creditPoints, takeBackPoints } from './ledger-ops.js';
import { pointsEarnings } from './schema.js';
import { type PointsSettings, pointsSettingsFor } from './settings.js';

const BATCH = 100;
/**
 * At most this many sources per stream and run: on the embedded database (one connection) a long
 * catch-up (a year of demo history) then shares the connection with requests instead of holding it
 * for minutes; the next run (a minute later) carries on.
 */
const MAX_PER_RUN = 300;

/** Inserts the handled-row for a source; false when it was handled already (by another run). */
async function claim(tx: Db, c: Claim, points: number, extra: { serviceRecordId?: string } = {}) {
  const [row] = await tx
    .insert(pointsEarnings)
    .values({ ...c, points, serviceRecordId: extra.serviceRecordId ?? null })
    .onConflictDoNothing()
    .returning({ sourceId: pointsEarnings.sourceId });
  return Boolean(row);
}

async function setTransaction(tx: Db, c: Claim, transactionId: string) {
  await tx
    .update(pointsEarnings)
    .set({ transactionId })
    .where(
      and(
        eq(pointsEarnings.tenantId, c.tenantId),
        eq(pointsEarnings.sourceType, c.sourceType),
        eq(pointsEarnings.sourceId, c.sourceId),
      ),
    );
}

/** The one-by-one path for a credit: claim, post (recovering any debt), note the transaction. */
async function creditOne(tx: Db, credit: Credit) {
  if (!(await claim(tx, credit.claim, credit.points, { serviceRecordId: credit.serviceRecordId }))) return;
  if (credit.points <= 0) return;
  const posted = await creditPoints(tx, credit.claim.tenantId, credit.claim.userId, credit.points, credit.meta);
  await setTransaction(tx, credit.claim, posted.id);
}

async function handleHoursEvent(tx: Db, e: HoursEventRow, rules: PointsSettings) {
  const c: Claim = { tenantId: e.tenantId, sourceType: 'hours_event', sourceId: String(e.id), userId: e.userId };
  const source = { type: 'service_record', id: e.serviceRecordId };
  if (e.kind === 'hours.confirmed') {
    for (const credit of confirmationCredits(e, rules)) await creditOne(tx, credit);
    return;
  }
  // hours.reversed: take back what this record's confirmations credited (net of earlier reversals).
  const [earned] = await tx
    .select({ points: sql<string>`coalesce(sum(${pointsEarnings.points}), 0)` })
    .from(pointsEarnings)
    .where(
      and(
        eq(pointsEarnings.tenantId, e.tenantId),
        eq(pointsEarnings.sourceType, 'hours_event'),
        eq(pointsEarnings.serviceRecordId, e.serviceRecordId),
      ),
    );
  const back = Math.max(0, Number(earned?.points ?? 0));
  if (!(await claim(tx, c, -back, { serviceRecordId: e.serviceRecordId }))) return;
  if (back === 0) return;
  const { posted } = await takeBackPoints(
    tx,
    e.tenantId,
    e.userId,
    back,
    {
      kind: 'points.earn.hours.reversal',
      memo: `服务时长更正，冲回积分：${e.content}`,
      source,
      idempotencyKey: `points.earn:hours_event:${e.id}`,
      data: { minutes: e.minutes },
    },
    true,
  );
  await setTransaction(tx, c, posted.id);
}

type Row = { tenantId: string; userId: string };

/**
 * Handles a batch of sources in source order per volunteer: the plain credits of volunteers who owe
 * nothing in one transaction (earn-bulk.ts), everyone else's sources one by one.
 */
async function handleBatch<T extends Row>(
  db: Db,
  rows: T[],
  rules: Map<string, PointsSettings>,
  how: {
    forcesSlow: (row: T) => boolean;
    credits: (row: T, rules: PointsSettings) => Credit[];
    one: (tx: Db, row: T, rules: PointsSettings) => Promise<void>;
  },
) {
  for (const tenantId of new Set(rows.map((r) => r.tenantId))) {
    let tenantRules = rules.get(tenantId);
    if (!tenantRules) {
      tenantRules = await pointsSettingsFor(db, tenantId);
      rules.set(tenantId, tenantRules);
    }
    const mine = rows.filter((r) => r.tenantId === tenantId);
    const slow = await debtors(db, tenantId, [...new Set(mine.map((r) => r.userId))]);
    for (const row of mine) if (how.forcesSlow(row)) slow.add(row.userId);
    const fast = mine.filter((r) => !slow.has(r.userId));
    const r = tenantRules;
    try {
      await creditInBulk(
        db,
        tenantId,
        fast.flatMap((row) => how.credits(row, r)),
      );
    } catch {
      // The batch rolled back as a whole; the one-by-one path below retries each source and reports its own error.
      for (const row of fast) slow.add(row.userId);
    }
    for (const row of mine) if (slow.has(row.userId)) await db.transaction((tx) => how.one(tx, row, r));
  }
}

const ratingCredit = (row: { tenantId: string; id: string; userId: string; title: string }, r: PointsSettings) => ({
  claim: { tenantId: row.tenantId, sourceType: 'order_rating' as const, sourceId: row.id, userId: row.userId },
  points: r.fiveStarBonusPoints,
  meta: {
    kind: 'points.earn.rating',
    memo: `五星好评：${row.title}`,
    source: { type: 'order', id: row.id },
    idempotencyKey: `points.earn:order_rating:${row.id}`,
  },
});

async function earnFromHours(db: Db): Promise<number> {
  const rules = new Map<string, PointsSettings>();
  let handled = 0;
  for (;;) {
    const rows = await hoursEventsToEarn(db, { synthetic: false, limit: BATCH });
    await handleBatch(db, rows, rules, {
      forcesSlow: (row) => row.kind === 'hours.reversed',
      credits: confirmationCredits,
      one: handleHoursEvent,
    });
    handled += rows.length;
    if (rows.length < BATCH || handled >= MAX_PER_RUN) return handled;
  }
}

async function earnFromRatings(db: Db): Promise<number> {
  const rules = new Map<string, PointsSettings>();
  let handled = 0;
  for (;;) {
    const rows = await db
      .select({ tenantId: orders.tenantId, id: orders.id, userId: orders.volunteerUserId, title: orders.title })
      .from(orders)
      .where(
        and(
          eq(orders.stars, 5),
          isNotNull(orders.volunteerUserId),
          // Synthetic demo history is served by synthetic people: it earns nobody anything.
          eq(orders.synthetic, false),
          notExists(
            db
              .select({ one: sql`1` })
              .from(pointsEarnings)
              .where(
                and(
                  eq(pointsEarnings.tenantId, orders.tenantId),
                  eq(pointsEarnings.sourceType, 'order_rating'),
                  eq(pointsEarnings.sourceId, sql`${orders.id}::text`),
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(orders.tenantId), asc(orders.ratedAt), asc(orders.id))
      .limit(BATCH);
    const batch = rows.map((row) => ({ ...row, userId: row.userId as string }));
    await handleBatch(db, batch, rules, {
      forcesSlow: () => false,
      credits: (row, r) => [ratingCredit(row, r)],
      one: (tx, row, r) => creditOne(tx, ratingCredit(row, r)),
    });
    handled += rows.length;
    if (rows.length < BATCH || handled >= MAX_PER_RUN) return handled;
  }
}

/** One run of the earning job: everything not yet handled. Answers how many sources it handled. */
export async function runPointsEarning(db: Db): Promise<number> {
  return (await earnFromHours(db)) + (await earnFromRatings(db));
}
