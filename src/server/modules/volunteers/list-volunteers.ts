import { and, desc, eq, exists, ilike, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { users } from '../accounts/index.js';
import type { listVolunteersQuery } from './contract.js';
import { presentSummary, type SkillRef, selectVolunteersWithSkills, unsealer } from './read-volunteer.js';
import { volunteerSkills, volunteers } from './schema.js';

export type VolunteerFilter = Omit<z.infer<typeof listVolunteersQuery>, 'limit' | 'cursor'>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The number in the C collation, as volunteers_number_c_idx holds it: pages and prefix searches walk that index in order. */
export const numberOrder = sql`(${volunteers.number} collate "C")`;

/**
 * What `q` finds, each through an index: a full phone number its account; anything with a digit
 * the volunteer numbers starting with it (digits alone get the number prefix, `2026` → `HC2026…`);
 * one character the names starting with it (a surname); two or more characters the names
 * containing them, through the index of the names' character pairs (see migration 0010).
 */
export function searchCondition(ctx: Ctx, q: string): SQL {
  if (/^1\d{10}$/.test(q))
    return inArray(
      volunteers.userId,
      ctx.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, volunteers.tenantId), eq(users.phone, q))),
    );
  if (/\d/.test(q)) {
    const prefix = /^\d/.test(q) ? `${ctx.config.VOLUNTEER_NUMBER_PREFIX}${q}` : q.toUpperCase();
    return like(numberOrder, `${escapeLike(prefix)}%`);
  }
  if ([...q].length === 1) return like(volunteers.name, `${escapeLike(q)}%`);
  return and(
    sql`name_grams(${volunteers.name}) @> name_grams(${q})`,
    ilike(volunteers.name, `%${escapeLike(q)}%`),
  ) as SQL;
}

/** The WHERE condition for staff lists and exports: scope first, then the filters; on `volunteers` alone (no join needed). */
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
    q ? searchCondition(ctx, q) : undefined,
  ];
  return and(...conditions) as SQL;
}

/** By volunteer number. */
const volunteersCursor = cursorCodec(cursorPart.text);

/** Volunteers in the caller's scope, newest number first, keyset-paged; phone and ID number masked. */
export async function listVolunteers(ctx: Ctx, input: z.infer<typeof listVolunteersQuery>) {
  const after = volunteersCursor.decode(input.cursor);
  const rows = await selectVolunteersWithSkills(
    ctx.db,
    ctx.tenantId,
    and(volunteerFilterCondition(ctx, input), after ? lt(numberOrder, after[0]) : undefined),
  )
    .orderBy(desc(numberOrder))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const unseal = unsealer(ctx);
  return {
    items: page.map(({ skills, ...r }) =>
      presentSummary(r, typeof skills === 'string' ? (JSON.parse(skills) as SkillRef[]) : skills, unseal),
    ),
    nextCursor: rows.length > input.limit && last ? volunteersCursor.encode([last.number]) : null,
  };
}
