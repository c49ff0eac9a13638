import { and, asc, type SQL, sql } from 'drizzle-orm';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { presentFamilySummary, selectFamilySummaries } from './present.js';
import { families } from './schema.js';

/** By community, name, then id as text. */
const familiesCursor = cursorCodec(cursorPart.text, cursorPart.text, cursorPart.uuid);

/** Families of the communities in the caller's scope, by community then name. */
export async function listFamilies(ctx: Ctx, input: { regionCode?: string; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const after = familiesCursor.decode(input.cursor);
  const conditions: (SQL | undefined)[] = [
    scopeCondition(actor, families.regionCode),
    input.regionCode ? subtreeCondition(families.regionCode, [input.regionCode]) : undefined,
    after
      ? sql`(${families.regionCode}, ${families.name}, ${families.id}::text) > (${after[0]}, ${after[1]}, ${after[2]})`
      : undefined,
  ];
  const rows = await selectFamilySummaries(ctx.db, actor.tenantId, and(...conditions), {
    orderBy: [asc(families.regionCode), asc(families.name), asc(sql`${families.id}::text`)],
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentFamilySummary),
    nextCursor: rows.length > input.limit && last ? familiesCursor.encode([last.regionCode, last.name, last.id]) : null,
  };
}
