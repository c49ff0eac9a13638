import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { keeperIds } from '../accounts/index.js';
import { regions } from '../regions/index.js';
import { parentCode } from '../service-menu/index.js';
import type { OrderRow } from './machine.js';
import { consoleLink, tell, volunteerLink, writeTimeline } from './parties.js';
import { orders } from './schema.js';
import { dueAt, readSettings } from './settings.js';
import { writeStep } from './transition.js';

const BATCH = 200;

/**
 * 超时上报: every order that waited past its review or acceptance deadline moves to the level above
 * (community → subdistrict → district), whose dispatchers are told; one that was dispatched comes back
 * to be dispatched again. Runs as a job; `now` is the job's clock, so tests move time instead of waiting.
 * Returns how many orders escalated.
 */
export async function escalateOverdueOrders(db: Db, now: Date): Promise<number> {
  const due = await db
    .select()
    .from(orders)
    .where(
      and(
        gt(sql`length(${orders.handlerRegionCode})`, 6),
        or(
          and(eq(orders.state, 'submitted'), lt(orders.reviewDueAt, now)),
          and(inArray(orders.state, ['reviewed', 'dispatched']), lt(orders.acceptDueAt, now)),
        ),
      ),
    )
    .limit(BATCH);
  let escalated = 0;
  for (const order of due) {
    try {
      await escalateOne(db, order, now);
      escalated++;
    } catch (err) {
      // Someone acted on the order meanwhile (reviewed, accepted): it no longer needs escalating.
      if (!(err instanceof AppError && ['CONFLICT', 'ILLEGAL_TRANSITION', 'NOT_FOUND'].includes(err.code))) throw err;
    }
  }
  return escalated;
}

async function escalateOne(db: Db, order: OrderRow, now: Date) {
  const parent = parentCode(order.handlerRegionCode) as string;
  const settings = await readSettings(db, order.tenantId);
  const [place] = await db
    .select({ name: regions.shortName })
    .from(regions)
    .where(and(eq(regions.tenantId, order.tenantId), eq(regions.code, parent)));
  const review = order.state === 'submitted';
  const event = review ? 'escalate_review' : 'escalate_accept';
  const to = review ? 'submitted' : 'reviewed';
  const note = `${review ? '超时未审核' : '超时未接单'}，已上报${place?.name ?? parent}`;
  await db.transaction(async (tx) => {
    const row = await writeStep(
      tx,
      order,
      { event, from: order.state, to, set: { state: to } },
      {
        handlerRegionCode: parent,
        escalations: order.escalations + 1,
        ...(review
          ? { reviewDueAt: dueAt(settings, 'review', order.urgency, now) }
          : {
              acceptDueAt: dueAt(settings, 'accept', order.urgency, now),
              targetKind: null,
              targetUserId: null,
              targetOrganisationId: null,
              targetRegionCode: null,
            }),
      },
      now,
    );
    await writeTimeline(tx, row, {
      event,
      fromState: order.state,
      toState: to,
      actorUserId: null,
      actorName: '系统',
      note,
      data: { from: order.handlerRegionCode, to: parent },
      at: now,
    });
    await writeAudit(
      tx,
      { tenantId: order.tenantId, actorId: null },
      {
        action: `order.${event}`,
        entityType: 'order',
        entityId: order.id,
        regionCode: order.regionCode,
        detail: { from: order.handlerRegionCode, to: parent },
      },
    );
    await tell(tx, row, await keeperIds(tx, order.tenantId, parent), {
      kind: 'order.escalated',
      title: `订单${review ? '超时未审核' : '超时未接单'}，已上报到本级`,
      body: `${row.title}（${row.number}）：${note}`,
      link: consoleLink(row.id),
      params: { place: place?.name ?? parent, context: review ? 'review' : 'accept' },
    });
    if (order.state === 'dispatched' && order.targetUserId)
      await tell(tx, row, [order.targetUserId], {
        kind: 'order.recalled',
        title: '派给您的订单超时未接，已收回',
        params: { context: 'overdue' },
        link: volunteerLink(row.id),
      });
  });
}

/**
 * Checks for overdue orders every minute until the platform's durable job runner takes this over.
 * The deadlines live on the orders, so a restart loses nothing: the first run after it catches up.
 */
export function scheduleOrderEscalation(db: Db, log: { error: (obj: unknown, msg: string) => void }): () => void {
  const run = () => escalateOverdueOrders(db, new Date()).catch((err) => log.error({ err }, 'order escalation failed'));
  const timer = setInterval(run, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
