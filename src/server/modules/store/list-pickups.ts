import { and, desc, eq, gte, lt, or } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { dayStart } from './period.js';
import { presentDesk, redemptionQuery } from './redemptions.js';
import { storeRedemptions } from './schema.js';
import { loadStoreInScope } from './store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day's pickups at a store (China time; default today), newest first. */
export async function listPickups(ctx: Ctx, siteId: string, input: { limit: number; cursor?: string; date?: string }) {
  const site = await loadStoreInScope(ctx, siteId);
  const from = input.date ? new Date(`${input.date}T00:00:00+08:00`) : dayStart(new Date());
  const to = new Date(from.getTime() + DAY_MS);
  const after = timeIdCursor.decode(input.cursor);
  const r = storeRedemptions;
  const rows = await redemptionQuery(ctx.db)
    .where(
      and(
        eq(r.tenantId, site.tenantId),
        eq(r.siteId, site.id),
        eq(r.status, 'fulfilled'),
        gte(r.closedAt, from),
        lt(r.closedAt, to),
        after
          ? or(lt(r.closedAt, new Date(after[0])), and(eq(r.closedAt, new Date(after[0])), lt(r.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(r.closedAt), desc(r.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentDesk),
    nextCursor:
      rows.length > input.limit && last?.r.closedAt
        ? timeIdCursor.encode([last.r.closedAt.toISOString(), last.r.id])
        : null,
  };
}
