import { and, desc, eq, exists, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { decodeCursor, encodeCursor } from '../../platform/contract.js';
import { users } from '../accounts/schema.js';
import type { listVolunteersQuery } from './contract.js';
import { presentSummary, selectVolunteers, skillsOf, unsealer } from './read-volunteer.js';
import { volunteerSkills, volunteers } from './schema.js';

export type VolunteerFilter = Omit<z.infer<typeof listVolunteersQuery>, 'limit' | 'cursor'>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE condition for staff lists and exports: scope first, then the filters. */
export function volunteerFilterCondition(ctx: Ctx, filter: VolunteerFilter): SQL {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, filter.regionCode);
  const q = filter.q?.trim();
  const conditions: (SQL | undefined)[] = [
    scopeCondition(actor, volunteers.regionCode),
    filter.regionCode ? subtreeCondition(volunteers.regionCode, [filter.regionCode]) : undefined,
    filter.status ? eq(volunteers.status, filter.status) : undefined,
    filter.skill
      ? exists(
          ctx.db
            .select({ one: volunteerSkills.skillCode })
            .from(volunteerSkills)
            .where(
              and(
                eq(volunteerSkills.tenantId, volunteers.tenantId),
                eq(volunteerSkills.volunteerId, volunteers.id),
                eq(volunteerSkills.skillCode, filter.skill),
              ),
            ),
        )
      : undefined,
    q
      ? /^1\d{10}$/.test(q)
        ? eq(users.phone, q)
        : or(ilike(volunteers.name, `%${escapeLike(q)}%`), ilike(volunteers.number, `${escapeLike(q.toUpperCase())}%`))
      : undefined,
  ];
  return and(...conditions) as SQL;
}

/** Volunteers in the caller's scope, newest number first, keyset-paged; phone and ID number masked. */
export async function listVolunteers(ctx: Ctx, input: z.infer<typeof listVolunteersQuery>) {
  const after = decodeCursor(input.cursor) as [string] | null;
  const rows = await selectVolunteers(
    ctx.db,
    ctx.tenantId,
    and(volunteerFilterCondition(ctx, input), after ? lt(volunteers.number, String(after[0])) : undefined),
  )
    .orderBy(desc(volunteers.number))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const skillMap = await skillsOf(
    ctx.db,
    ctx.tenantId,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  const unseal = unsealer(ctx);
  return {
    items: page.map((r) => presentSummary(r, skillMap.get(r.id) ?? [], unseal)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.number]) : null,
  };
}
