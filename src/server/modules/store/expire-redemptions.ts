import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { releaseRedemption } from './redemptions.js';
import { storeRedemptions } from './schema.js';

/**
 * Releases every redemption whose pickup time has passed (stock and points come back). Run by the
 * durable job `store.expire-redemptions`; a run after a restart catches up with what fell due meanwhile,
 * and a redemption picked up or cancelled meanwhile is left alone. Answers how many it released.
 */
export async function expireRedemptions(db: Db, now: Date): Promise<number> {
  let released = 0;
  for (;;) {
    const due = await db
      .select({ tenantId: storeRedemptions.tenantId, id: storeRedemptions.id })
      .from(storeRedemptions)
      .where(and(eq(storeRedemptions.status, 'reserved'), lte(storeRedemptions.expiresAt, now)))
      .orderBy(asc(storeRedemptions.expiresAt))
      .limit(100);
    for (const r of due)
      if (await releaseRedemption(db, r.tenantId, r.id, { status: 'expired', actorId: null, at: now })) released++;
    if (due.length < 100) return released;
  }
}
