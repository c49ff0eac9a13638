import { and, inArray, lt } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { keeperIds } from '../accounts/index.js';
import type { WishRow } from './machine.js';
import { announceWall, consoleLink, h5Link, residentIds, tell, writeTimeline } from './parties.js';
import { wishes } from './schema.js';
import { writeStep } from './transition.js';

const BATCH = 200;

/**
 * 过期: every wish nobody claimed by its deadline (still waiting for review or for a giver) expires;
 * the resident and the keepers are told. Runs as a durable job; `now` is the job's clock, so tests
 * move time instead of waiting. A claimed wish does not expire: the giver is on the way.
 * Returns how many wishes expired.
 */
export async function expireOverdueWishes(db: Db, now: Date): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await db
      .select()
      .from(wishes)
      .where(and(inArray(wishes.state, ['submitted', 'approved']), lt(wishes.deadline, now)))
      .limit(BATCH);
    let moved = 0;
    for (const wish of due) {
      try {
        await expireOne(db, wish, now);
        moved++;
      } catch (err) {
        // Someone acted on the wish meanwhile (claimed, withdrew it): it no longer expires.
        if (!(err instanceof AppError && ['CONFLICT', 'ILLEGAL_TRANSITION', 'NOT_FOUND'].includes(err.code))) throw err;
      }
    }
    expired += moved;
    if (due.length < BATCH || moved === 0) return expired;
  }
}

async function expireOne(db: Db, wish: WishRow, now: Date) {
  await db.transaction(async (tx) => {
    const row = await writeStep(
      tx,
      wish,
      { event: 'expire', from: wish.state, to: 'expired' },
      { expiredAt: now },
      now,
    );
    await writeTimeline(tx, row, {
      event: 'expire',
      fromState: wish.state,
      toState: 'expired',
      actorUserId: null,
      actorName: '系统',
      note: '已过截止时间，无人认领',
      data: { deadline: wish.deadline.toISOString() },
      at: now,
    });
    await writeAudit(
      tx,
      { tenantId: wish.tenantId, actorId: null },
      {
        action: 'wish.expire',
        entityType: 'wish',
        entityId: wish.id,
        regionCode: wish.regionCode,
        detail: { from: wish.state },
      },
    );
    await tell(tx, row, residentIds(row), {
      kind: 'wish.expired',
      title: '您的微心愿已过截止时间，未被认领',
      link: h5Link(row.id),
    });
    await tell(tx, row, await keeperIds(tx, row.tenantId, row.regionCode), {
      kind: 'wish.expired',
      title: '微心愿已过期',
      link: consoleLink(row.id),
      params: { context: 'staff' },
    });
    await announceWall(tx, wish.state, row);
  });
}
