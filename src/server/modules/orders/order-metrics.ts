import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { organisations } from '../organisations/index.js';
import { menuItems } from '../service-menu/index.js';
import { sites } from '../sites/index.js';
import { orders } from './schema.js';

export interface MetricsInput {
  groupBy: 'station' | 'institute' | 'team';
  regionCode?: string;
  from?: string;
  to?: string;
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * Service quality per site (the community's station or the subdistrict's institute) or per team:
 * orders, median minutes from placing to acceptance, acceptance rate (accepted / dispatched),
 * completion rate (completed / accepted) and satisfaction (rated 4–5 / rated), and how many of the
 * orders are synthetic demo history, so a report can tell it apart.
 */
export async function orderMetrics(ctx: Ctx, input: MetricsInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const team = sql<string | null>`coalesce(${orders.organisationId}, ${menuItems.organisationId})`;
  const key: SQL<string | null> =
    input.groupBy === 'team'
      ? team
      : input.groupBy === 'institute'
        ? sql<string>`substr(${orders.regionCode}, 1, 9)`
        : sql<string>`${orders.regionCode}`;
  const rows = await ctx.db
    .select({
      key,
      orders: sql<number>`count(*)::int`,
      dispatched: sql<number>`count(${orders.dispatchedAt})::int`,
      accepted: sql<number>`count(${orders.acceptedAt})::int`,
      completed: sql<number>`count(${orders.completedAt})::int`,
      rated: sql<number>`count(${orders.stars})::int`,
      satisfied: sql<number>`count(*) filter (where ${orders.stars} >= 4)::int`,
      synthetic: sql<number>`count(*) filter (where ${orders.synthetic})::int`,
      medianAcceptMinutes: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${orders.acceptedAt} - ${orders.placedAt}) / 60)`,
    })
    .from(orders)
    .leftJoin(menuItems, and(eq(menuItems.tenantId, orders.tenantId), eq(menuItems.id, orders.menuItemId)))
    .where(
      and(
        eq(orders.tenantId, actor.tenantId),
        scopeCondition(actor, orders.regionCode),
        input.regionCode ? subtreeCondition(orders.regionCode, [input.regionCode]) : undefined,
        input.from ? gte(orders.placedAt, new Date(input.from)) : undefined,
        input.to ? lt(orders.placedAt, new Date(input.to)) : undefined,
        input.groupBy === 'team' ? sql`${team} is not null` : undefined,
      ),
    )
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1`);
  const keys = rows.map((r) => r.key).filter((k): k is string => !!k);
  const names = new Map<string, { id: string; name: string }>();
  if (keys.length && input.groupBy === 'team') {
    const found = await ctx.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.tenantId, actor.tenantId), inArray(organisations.id, keys)));
    for (const o of found) names.set(o.id, o);
  } else if (keys.length) {
    const found = await ctx.db
      .select({ id: sites.id, name: sites.name, regionCode: sites.regionCode })
      .from(sites)
      .where(
        and(
          eq(sites.tenantId, actor.tenantId),
          eq(sites.kind, input.groupBy === 'institute' ? 'institute' : 'station'),
          inArray(sites.regionCode, keys),
        ),
      );
    for (const s of found) names.set(s.regionCode, s);
  }
  return {
    groupBy: input.groupBy,
    items: rows.map((r) => ({
      key: r.key as string,
      siteId: input.groupBy === 'team' ? null : (names.get(r.key as string)?.id ?? null),
      organisationId: input.groupBy === 'team' ? r.key : null,
      name: names.get(r.key as string)?.name ?? (r.key as string),
      orders: r.orders,
      medianAcceptMinutes: r.medianAcceptMinutes === null ? null : Math.round(Number(r.medianAcceptMinutes) * 10) / 10,
      acceptanceRate: ratio(r.accepted, r.dispatched),
      completionRate: ratio(r.completed, r.accepted),
      satisfaction: ratio(r.satisfied, r.rated),
      rated: r.rated,
      synthetic: r.synthetic,
    })),
  };
}
