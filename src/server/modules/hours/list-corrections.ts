import { and, desc, eq, lt, or } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { presentCorrections } from './present.js';
import { type CorrectionState, hoursCorrections } from './schema.js';

const correctionsCursor = cursorCodec(cursorPart.timestamp, cursorPart.uuid);

/** Staff: correction requests in their scope, newest first (pending ones by default, to approve). */
export async function listCorrections(ctx: Ctx, input: { state: CorrectionState; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  const after = correctionsCursor.decode(input.cursor);
  const rows = await ctx.db
    .select()
    .from(hoursCorrections)
    .where(
      and(
        eq(hoursCorrections.tenantId, actor.tenantId),
        scopeCondition(actor, hoursCorrections.regionCode),
        eq(hoursCorrections.state, input.state),
        after
          ? or(
              lt(hoursCorrections.requestedAt, new Date(after[0])),
              and(eq(hoursCorrections.requestedAt, new Date(after[0])), lt(hoursCorrections.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(hoursCorrections.requestedAt), desc(hoursCorrections.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await presentCorrections(ctx.db, actor.tenantId, page),
    nextCursor:
      rows.length > input.limit && last ? correctionsCursor.encode([last.requestedAt.toISOString(), last.id]) : null,
  };
}
