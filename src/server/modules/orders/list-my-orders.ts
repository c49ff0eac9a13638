import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import { type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { preparedPerShape } from '../../platform/prepared.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { serviceCategories } from '../service-menu/index.js';
import { volunteers } from '../volunteers/index.js';
import { type Lookups, presentNamed } from './present.js';
import type { OrderState } from './schema.js';
import { orders } from './schema.js';
import { type ActorFactsRow, actorFactsColumns, actorFactsFrom, actorFactsJoin } from './viewer.js';

/** The name of the row of `table` (same tenant as the order) that `ref` points at; null when there is none. */
const nameOf = (table: AnyPgTable, key: AnyPgColumn, name: AnyPgColumn, ref: AnyPgColumn) =>
  sql<string | null>`(select ${name} from ${table} where ${table}.tenant_id = ${orders.tenantId} and ${key} = ${ref})`;

/**
 * The resident's page in one statement per shape (state filter, cursor): the orders, newest first
 * (placed time, then id: the keyset), each with the names it shows as sub-selects, and the
 * viewer's facts (`actorFactsColumns`) from a one-row CTE joined to every row (left: a missing
 * account row leaves the facts empty, as `loadActorFacts` does).
 */
function preparePage(db: Db, shape: string) {
  const [state, cursor] = shape.split(':');
  const facts = db.$with('facts').as(
    db
      .select(actorFactsColumns(sql.placeholder('now')))
      .from(users)
      .leftJoin(volunteers, actorFactsJoin())
      .where(and(eq(users.tenantId, sql.placeholder('tenantId')), eq(users.id, sql.placeholder('userId')))),
  );
  return db
    .with(facts)
    .select({
      order: orders,
      sortAt: sql<string>`(${orders.placedAt})::text`,
      volunteerName: nameOf(users, users.id, users.displayName, orders.volunteerUserId),
      targetName: nameOf(users, users.id, users.displayName, orders.targetUserId),
      targetOrganisationName: nameOf(organisations, organisations.id, organisations.name, orders.targetOrganisationId),
      regionName: nameOf(regions, regions.code, regions.shortName, orders.regionCode),
      handlerRegionName: nameOf(regions, regions.code, regions.shortName, orders.handlerRegionCode),
      targetRegionName: nameOf(regions, regions.code, regions.shortName, orders.targetRegionCode),
      categoryName: nameOf(serviceCategories, serviceCategories.code, serviceCategories.name, orders.categoryCode),
      facts: {
        volunteerId: facts.volunteerId,
        status: facts.status,
        homeRegion: facts.homeRegion,
        skills: facts.skills,
        areas: facts.areas,
        teams: facts.teams,
        gated: facts.gated,
        spans: facts.spans,
      },
    })
    .from(orders)
    .leftJoin(facts, sql`true`)
    .where(
      and(
        eq(orders.tenantId, sql.placeholder('tenantId')),
        or(
          eq(orders.residentUserId, sql.placeholder('userId')),
          and(isNull(orders.residentUserId), eq(orders.placedBy, sql.placeholder('userId')), eq(orders.channel, 'app')),
        ),
        state === 's' ? eq(orders.state, sql.placeholder('state')) : undefined,
        cursor === 'c'
          ? sql`(${orders.placedAt}, ${orders.id}) < (${sql.placeholder('afterAt')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(sql.placeholder('limit'))
    .prepare(`my_orders_${shape.replaceAll(':', '_')}`);
}

const pageQuery = preparedPerShape(preparePage);

/** The resident's own orders (and those they placed for someone without an account), newest first. */
export async function listMyOrders(ctx: Ctx, input: { state?: OrderState; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  const after = timeIdCursor.decode(input.cursor);
  const now = new Date();
  const rows = await pageQuery(ctx.db, `${input.state ? 's' : '-'}:${after ? 'c' : '-'}`).execute({
    tenantId: actor.tenantId,
    userId: actor.userId,
    now: now.toISOString(),
    state: input.state,
    afterAt: after?.[0],
    afterId: after?.[1],
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const names: Lookups = { people: new Map(), orgs: new Map(), places: new Map(), categories: new Map() };
  const put = (map: Map<string, string>, key: string | null, name: string | null) => {
    if (key !== null && name !== null) map.set(key, name);
  };
  for (const r of page) {
    put(names.people, r.order.volunteerUserId, r.volunteerName);
    put(names.people, r.order.targetUserId, r.targetName);
    put(names.orgs, r.order.targetOrganisationId, r.targetOrganisationName);
    put(names.places, r.order.regionCode, r.regionName);
    put(names.places, r.order.handlerRegionCode, r.handlerRegionName);
    put(names.places, r.order.targetRegionCode, r.targetRegionName);
    put(names.categories, r.order.categoryCode, r.categoryName);
  }
  const facts = actorFactsFrom(actor, (page[0]?.facts ?? undefined) as ActorFactsRow | undefined, now);
  return {
    items: presentNamed(
      page.map((r) => r.order),
      facts,
      names,
    ),
    nextCursor: rows.length > input.limit && last ? timeIdCursor.encode([last.sortAt, last.order.id]) : null,
  };
}
