import { and, asc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { requireRegionInScope, scopeCondition, staffRoles } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { organisationMembers } from '../organisations/index.js';
import type { libraryQuery, mineQuery, staffProjectsQuery } from './contract.js';
import { presentPage } from './present.js';
import { libraryStates, projects } from './schema.js';

const cursor = cursorCodec(cursorPart.text, cursorPart.uuid);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type Filters = Omit<Partial<z.output<typeof staffProjectsQuery>>, 'queue'>;

function filters(q: Filters): (SQL | undefined)[] {
  return [
    q.level ? eq(projects.level, q.level) : undefined,
    q.category ? eq(projects.category, q.category) : undefined,
    q.year ? eq(projects.year, q.year) : undefined,
    q.brandId ? eq(projects.brandId, q.brandId) : undefined,
    q.state ? eq(projects.state, q.state) : undefined,
    q.callId ? eq(projects.callId, q.callId) : undefined,
    q.regionCode ? like(projects.regionCode, `${q.regionCode}%`) : undefined,
    q.q ? ilike(projects.name, `%${escapeLike(q.q)}%`) : undefined,
  ];
}

/** A page of projects by name (keyset on name, id). */
async function page(ctx: Ctx, where: (SQL | undefined)[], limit: number, after: string | undefined) {
  const from = cursor.decode(after);
  const rows = await ctx.db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.tenantId, ctx.tenantId),
        ...where,
        from ? sql`(${projects.name}, ${projects.id}) > (${from[0]}, ${from[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const next = rows.length > limit && last ? cursor.encode([last.name, last.id]) : null;
  return presentPage(ctx.db, ctx.tenantId, shown, next);
}

/** The public project library (项目库): approved and concluded projects. */
export function listLibrary(ctx: Ctx, query: z.output<typeof libraryQuery>) {
  return page(ctx, [inArray(projects.state, [...libraryStates]), ...filters(query)], query.limit, query.cursor);
}

/** Staff: projects of the regions in their scope; queue=review: those waiting for a decision at their level. */
export function listStaffProjects(ctx: Ctx, query: z.output<typeof staffProjectsQuery>) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, query.regionCode);
  const mine = actor.grants
    .filter((g) => staffRoles.includes(g.role) && g.regionCode)
    .map((g) => g.regionCode as string);
  const queue =
    query.queue === 'review'
      ? and(eq(projects.state, 'submitted'), mine.length ? inArray(projects.reviewRegionCode, mine) : sql`false`)
      : undefined;
  return page(
    ctx,
    [scopeCondition(actor, projects.regionCode), sql`${projects.state} <> 'draft'`, queue, ...filters(query)],
    query.limit,
    query.cursor,
  );
}

/** The projects of the organisations the caller manages, drafts included. */
export async function listMyProjects(ctx: Ctx, query: z.output<typeof mineQuery>) {
  const actor = requireActor(ctx);
  const granted = actor.grants
    .filter((g) => g.role === 'org_admin' && g.organisationId)
    .map((g) => g.organisationId as string);
  const led = await ctx.db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, actor.tenantId),
        eq(organisationMembers.userId, actor.userId),
        or(eq(organisationMembers.role, 'leader'), eq(organisationMembers.role, 'admin')),
      ),
    );
  const orgs = [...new Set([...granted, ...led.map((r) => r.id)])];
  const where = orgs.length ? inArray(projects.organisationId, orgs) : sql`false`;
  return page(ctx, [where], query.limit, query.cursor);
}
