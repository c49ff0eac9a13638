import { and, asc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { subtreeCondition } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { type OrganisationKind, type OrganisationStatus, organisations } from './schema.js';
import { presentSummary, selectSummaries } from './summaries.js';

export interface ListOrganisationsInput {
  kind?: OrganisationKind;
  regionCode?: string;
  q?: string;
  status: OrganisationStatus;
  limit: number;
  cursor?: string;
}

/** By name, then id (organisations_directory_idx order). */
const organisationsCursor = cursorCodec(cursorPart.text, cursorPart.uuid);

/** The public directory of organisations, by name; anyone may read it, so the contact phone is masked. */
export async function listOrganisations(ctx: Ctx, input: ListOrganisationsInput) {
  const after = organisationsCursor.decode(input.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(organisations.status, input.status),
    input.kind ? eq(organisations.kind, input.kind) : undefined,
    input.regionCode ? subtreeCondition(organisations.regionCode, [input.regionCode]) : undefined,
    input.q ? ilike(organisations.name, `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    after ? sql`(${organisations.name}, ${organisations.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
  ];
  const rows = await selectSummaries(ctx.db, ctx.tenantId, and(...conditions), {
    // The page comes straight from organisations_directory_idx (tenant, status, name, id).
    orderBy: [asc(organisations.name), asc(organisations.id)],
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentSummary(r, false)),
    nextCursor: rows.length > input.limit && last ? organisationsCursor.encode([last.name, last.id]) : null,
  };
}
