import { and, eq, lt, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { OrderRow } from './machine.js';
import { writeTimeline } from './parties.js';
import { orderSettings, orders } from './schema.js';
import { defaultSettings } from './settings.js';
import { writeStep } from './transition.js';

const BATCH = 200;

/**
 * 自动办结: rated orders close; completed orders nobody rated close after the tenant's
 * `autoCloseDays`. Runs as a job on the job runner's clock (`now`), so tests move time instead of
 * waiting. Returns how many orders closed.
 */
export async function autoCloseOrders(db: Db, now: Date): Promise<number> {
  const days = sql`coalesce(${orderSettings.autoCloseDays}, ${defaultSettings().autoCloseDays})`;
  const due = await db
    .select({ order: orders, days: sql<number>`${days}::int` })
    .from(orders)
    .leftJoin(orderSettings, eq(orderSettings.tenantId, orders.tenantId))
    .where(
      and(
        // The demo's synthetic history stays as it was seeded.
        eq(orders.synthetic, false),
        or(
          eq(orders.state, 'rated'),
          and(
            eq(orders.state, 'completed'),
            lt(orders.completedAt, sql`${now.toISOString()}::timestamptz - make_interval(days => ${days})`),
          ),
        ),
      ),
    )
    .limit(BATCH);
  let closed = 0;
  for (const { order, days: after } of due) {
    try {
      await closeOne(db, order, after, now);
      closed++;
    } catch (err) {
      // Someone closed it meanwhile, or the resident rated it just now: the next run takes it.
      if (!(err instanceof AppError && ['CONFLICT', 'ILLEGAL_TRANSITION', 'NOT_FOUND'].includes(err.code))) throw err;
    }
  }
  return closed;
}

async function closeOne(db: Db, order: OrderRow, days: number, now: Date) {
  const rated = order.state === 'rated';
  const note = rated ? '已评价，自动办结' : `完成后 ${days} 天未评价，自动办结`;
  await db.transaction(async (tx) => {
    const row = await writeStep(
      tx,
      order,
      { event: 'auto_close', from: order.state, to: 'closed', set: { state: 'closed' } },
      { closedAt: now },
      now,
    );
    await writeTimeline(tx, row, {
      event: 'auto_close',
      fromState: order.state,
      toState: 'closed',
      actorUserId: null,
      actorName: '系统',
      note,
      data: rated ? { rated } : { rated, days },
      at: now,
    });
    await writeAudit(
      tx,
      { tenantId: order.tenantId, actorId: null },
      {
        action: 'order.auto_close',
        entityType: 'order',
        entityId: order.id,
        regionCode: order.regionCode,
        detail: rated ? { rated } : { rated, days },
      },
    );
  });
}
