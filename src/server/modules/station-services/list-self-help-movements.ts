import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';
import { loadSiteInScope } from '../sites/index.js';
import { selfHelpMovements } from './schema.js';
import { findItem } from './self-help.js';

const movementsCursor = cursorCodec(cursorPart.timestamp, cursorPart.uuid);

/** The ledger of one item, newest first, keyset-paged. */
export async function listSelfHelpMovements(
  ctx: Ctx,
  siteId: string,
  itemId: string,
  input: { limit: number; cursor?: string },
) {
  const site = await loadSiteInScope(ctx, siteId);
  const item = await findItem(ctx.db, site.tenantId, site.id, itemId);
  if (!item) throw new AppError('NOT_FOUND');
  const after = movementsCursor.decode(input.cursor);
  const rows = await ctx.db
    .select({ m: selfHelpMovements, actorName: users.displayName })
    .from(selfHelpMovements)
    .leftJoin(users, and(eq(users.tenantId, selfHelpMovements.tenantId), eq(users.id, selfHelpMovements.actorId)))
    .where(
      and(
        eq(selfHelpMovements.tenantId, site.tenantId),
        eq(selfHelpMovements.itemId, item.id),
        after
          ? or(
              lt(selfHelpMovements.at, new Date(after[0])),
              and(eq(selfHelpMovements.at, new Date(after[0])), lt(selfHelpMovements.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(selfHelpMovements.at), desc(selfHelpMovements.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ m, actorName }) => ({
      id: m.id,
      itemId: m.itemId,
      kind: m.kind,
      delta: m.delta,
      quantityAfter: m.quantityAfter,
      note: m.note,
      at: m.at.toISOString(),
      actorName,
    })),
    nextCursor: rows.length > input.limit && last ? movementsCursor.encode([last.m.at.toISOString(), last.m.id]) : null,
  };
}
