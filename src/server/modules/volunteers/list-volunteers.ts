import { and, desc, eq, exists, ilike, inArray, like, lt, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { regionScope, requireRegionInScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { preparedPerShape } from '../../platform/prepared.js';
import { users } from '../accounts/index.js';
import type { listVolunteersQuery } from './contract.js';
import { presentSummary, type SkillRef, selectVolunteersWithSkills, unsealer } from './read-volunteer.js';
import { volunteerSkills, volunteers } from './schema.js';

export type VolunteerFilter = Omit<z.infer<typeof listVolunteersQuery>, 'limit' | 'cursor'>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The number in the C collation, as volunteers_number_c_idx holds it: pages and prefix searches walk that index in order. */
export const numberOrder = sql`(${volunteers.number} collate "C")`;

/** How `q` searches (see `searchCondition`): by phone, by number prefix, by initial, by name pair; `-` none. */
type SearchKind = 'phone' | 'number' | 'initial' | 'name' | '-';

/** A filter's shape (which conditions, how many scope roots) and the values of its placeholders. */
interface FilterShape {
  roots: number;
  region: boolean;
  status: boolean;
  skill: boolean;
  search: SearchKind;
}

/** A value of the filter: a placeholder of a prepared statement, or the value itself. */
type Param = (name: string) => string | SQLWrapper;

/**
 * What `q` finds, each through an index: a full phone number its account; anything with a digit
 * the volunteer numbers starting with it (digits alone get the number prefix, `2026` → `HC2026…`);
 * one character the names starting with it (a surname); two or more characters the names
 * containing them, through the index of the names' character pairs (see migration 0010).
 * Answers the kind and the values `searchSql` reads (`q`, `qLike`).
 */
function searchValues(ctx: Ctx, q: string): { kind: SearchKind; values: Record<string, string> } {
  if (/^1\d{10}$/.test(q)) return { kind: 'phone', values: { q } };
  if (/\d/.test(q)) {
    const prefix = /^\d/.test(q) ? `${ctx.config.VOLUNTEER_NUMBER_PREFIX}${q}` : q.toUpperCase();
    return { kind: 'number', values: { qLike: `${escapeLike(prefix)}%` } };
  }
  if ([...q].length === 1) return { kind: 'initial', values: { qLike: `${escapeLike(q)}%` } };
  return { kind: 'name', values: { q, qLike: `%${escapeLike(q)}%` } };
}

function searchSql(db: Db, kind: SearchKind, p: Param): SQL | undefined {
  switch (kind) {
    case 'phone':
      return inArray(
        volunteers.userId,
        db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.tenantId, volunteers.tenantId), eq(users.phone, p('q')))),
      );
    case 'number':
      return like(numberOrder, p('qLike'));
    case 'initial':
      return like(volunteers.name, p('qLike'));
    case 'name':
      return and(
        sql`name_grams(${volunteers.name}) @> name_grams(${p('q')})`,
        ilike(volunteers.name, p('qLike')),
      ) as SQL;
    default:
      return undefined;
  }
}

/** The shape and values of a staff list's or export's filter: scope first, then the filters. */
function filterOf(ctx: Ctx, filter: VolunteerFilter): { shape: FilterShape; values: Record<string, unknown> } {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, filter.regionCode);
  const q = filter.q?.trim();
  const search = q ? searchValues(ctx, q) : { kind: '-' as const, values: {} };
  const roots = regionScope(actor);
  return {
    shape: {
      roots: roots.length,
      region: !!filter.regionCode,
      status: !!filter.status,
      skill: !!filter.skill,
      search: search.kind,
    },
    values: {
      ...Object.fromEntries(roots.map((root, i) => [`scope${i}`, `${root}%`])),
      region: filter.regionCode ? `${filter.regionCode}%` : undefined,
      status: filter.status,
      skill: filter.skill,
      ...search.values,
    },
  };
}

/** The WHERE condition of a filter's shape, on `volunteers` alone (no join needed); values through `p`. */
function filterSql(db: Db, shape: FilterShape, p: Param): SQL {
  const prefixOf = (name: string) => like(volunteers.regionCode, p(name));
  const roots = Array.from({ length: shape.roots }, (_, i) => prefixOf(`scope${i}`));
  const conditions: (SQL | undefined)[] = [
    // As `scopeCondition`: a staff member without a region sees nobody.
    roots.length ? or(...roots) : sql`false`,
    shape.region ? or(prefixOf('region')) : undefined,
    shape.status ? eq(volunteers.status, p('status') as never) : undefined,
    shape.skill
      ? exists(
          db
            .select({ one: volunteerSkills.skillCode })
            .from(volunteerSkills)
            .where(
              and(
                eq(volunteerSkills.tenantId, volunteers.tenantId),
                eq(volunteerSkills.volunteerId, volunteers.id),
                eq(volunteerSkills.skillCode, p('skill')),
              ),
            ),
        )
      : undefined,
    searchSql(db, shape.search, p),
  ];
  return and(...conditions) as SQL;
}

/** The WHERE condition for staff lists and exports: scope first, then the filters; on `volunteers` alone (no join needed). */
export function volunteerFilterCondition(ctx: Ctx, filter: VolunteerFilter): SQL {
  const { shape, values } = filterOf(ctx, filter);
  return filterSql(ctx.db, shape, (name) => values[name] as string);
}

/** By volunteer number. */
const volunteersCursor = cursorCodec(cursorPart.text);

/**
 * The page's statement for one shape (the filter's and whether a cursor continues): every value
 * is a placeholder, so drizzle builds each shape once. Newest number first, through
 * volunteers_number_c_idx.
 */
const pageQuery = preparedPerShape((db, key) => {
  const [shape, cursor] = JSON.parse(key) as [FilterShape, boolean];
  return selectVolunteersWithSkills(
    db,
    sql.placeholder('tenantId'),
    and(
      filterSql(db, shape, (name) => sql.placeholder(name)),
      cursor ? lt(numberOrder, sql.placeholder('after')) : undefined,
    ),
  )
    .orderBy(desc(numberOrder))
    .limit(sql.placeholder('limit'))
    .prepare(
      `volunteers_page_${shape.roots}_${shape.region ? 'r' : ''}${shape.status ? 's' : ''}${shape.skill ? 'k' : ''}_${shape.search}_${cursor ? 'c' : ''}`,
    );
});

/** Volunteers in the caller's scope, newest number first, keyset-paged; phone and ID number masked. */
export async function listVolunteers(ctx: Ctx, input: z.infer<typeof listVolunteersQuery>) {
  const after = volunteersCursor.decode(input.cursor);
  const { shape, values } = filterOf(ctx, input);
  const rows = await pageQuery(ctx.db, JSON.stringify([shape, !!after])).execute({
    ...values,
    tenantId: ctx.tenantId,
    after: after?.[0],
    limit: input.limit + 1,
  });
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
