/**
 * A project's (or a brand's) results, computed from the platform's own records: confirmed service
 * minutes and distinct volunteers of the attendances of its activities and of the orders of its
 * menu items (hours module), and the completed and rated orders of its menu items (orders module).
 * Nothing here is typed in by anyone.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { activities, activityAttendance } from '../activities/index.js';
import { serviceRecords } from '../hours/index.js';
import { orders } from '../orders/index.js';
import { projectActivities, projectMenuItems } from './schema.js';

export interface Results {
  minutesServed: number;
  volunteers: number;
  ordersCompleted: number;
  ratedOrders: number;
  averageStars: number | null;
}

/** Orders in these states were served to the end. */
export const COMPLETED_ORDER_STATES = ['completed', 'rated', 'closed'] as const;

export const noResults: Results = {
  minutesServed: 0,
  volunteers: 0,
  ordersCompleted: 0,
  ratedOrders: 0,
  averageStars: null,
};

/** The activities and menu items of the projects: linked here, or naming the project themselves. */
export async function projectScope(db: Db, tenantId: string, projectIds: string[]) {
  if (!projectIds.length) return { activityIds: [], menuItemIds: [] };
  const [linked, naming, items] = await Promise.all([
    db
      .select({ id: projectActivities.activityId })
      .from(projectActivities)
      .where(and(eq(projectActivities.tenantId, tenantId), inArray(projectActivities.projectId, projectIds))),
    db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.tenantId, tenantId), inArray(activities.projectId, projectIds))),
    db
      .select({ id: projectMenuItems.menuItemId })
      .from(projectMenuItems)
      .where(and(eq(projectMenuItems.tenantId, tenantId), inArray(projectMenuItems.projectId, projectIds))),
  ]);
  return {
    activityIds: [...new Set([...linked, ...naming].map((r) => r.id))],
    menuItemIds: [...new Set(items.map((r) => r.id))],
  };
}

const none = sql`array[]::uuid[]`;
const uuids = (ids: string[]) =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`
    : none;

export async function computeResults(db: Db, tenantId: string, projectIds: string[]): Promise<Results> {
  const { activityIds, menuItemIds } = await projectScope(db, tenantId, projectIds);
  if (!activityIds.length && !menuItemIds.length) return noResults;
  const done = sql.join(
    COMPLETED_ORDER_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const { rows } = (await db.execute(sql`
    with served_orders as (
      select ${orders.id} as id, ${orders.state} as state, ${orders.stars} as stars from ${orders}
      where ${orders.tenantId} = ${tenantId} and ${orders.menuItemId} = any(${uuids(menuItemIds)})
    ), attendances as (
      select ${activityAttendance.id}::text as id from ${activityAttendance}
      where ${activityAttendance.tenantId} = ${tenantId} and ${activityAttendance.activityId} = any(${uuids(activityIds)})
    ), served as (
      select ${serviceRecords.volunteerUserId} as volunteer, ${serviceRecords.minutes} as minutes from ${serviceRecords}
      where ${serviceRecords.tenantId} = ${tenantId} and ${serviceRecords.status} = 'confirmed' and (
        (${serviceRecords.sourceType} = 'activity_attendance' and ${serviceRecords.sourceId} in (select id from attendances))
        or (${serviceRecords.sourceType} = 'order' and ${serviceRecords.sourceId} in (select id::text from served_orders)))
    )
    select
      (select coalesce(sum(minutes), 0)::int from served) as minutes,
      (select count(distinct volunteer)::int from served) as volunteers,
      (select count(*)::int from served_orders where state in (${done})) as completed,
      (select count(*)::int from served_orders where state in (${done}) and stars is not null) as rated,
      (select avg(stars)::float8 from served_orders where state in (${done}) and stars is not null) as stars
  `)) as unknown as {
    rows: { minutes: number; volunteers: number; completed: number; rated: number; stars: number | null }[];
  };
  const r = rows[0];
  if (!r) return noResults;
  return {
    minutesServed: Number(r.minutes),
    volunteers: Number(r.volunteers),
    ordersCompleted: Number(r.completed),
    ratedOrders: Number(r.rated),
    averageStars: r.stars === null ? null : Math.round(Number(r.stars) * 100) / 100,
  };
}

/**
 * Each project's own results (as computeResults of that project alone), for many projects in one
 * query: the ranking of a round of ~200 projects must not run a query per project.
 */
export async function computeResultsEach(db: Db, tenantId: string, projectIds: string[]) {
  const out = new Map<string, Results>();
  const ids = [...new Set(projectIds)];
  if (!ids.length) return out;
  const done = sql.join(
    COMPLETED_ORDER_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const { rows } = (await db.execute(sql`
    with scope_activities as (
      select ${projectActivities.projectId} as project_id, ${projectActivities.activityId} as activity_id
      from ${projectActivities}
      where ${projectActivities.tenantId} = ${tenantId} and ${projectActivities.projectId} = any(${uuids(ids)})
      union
      select ${activities.projectId}, ${activities.id} from ${activities}
      where ${activities.tenantId} = ${tenantId} and ${activities.projectId} = any(${uuids(ids)})
    ), scope_items as (
      select ${projectMenuItems.projectId} as project_id, ${projectMenuItems.menuItemId} as menu_item_id
      from ${projectMenuItems}
      where ${projectMenuItems.tenantId} = ${tenantId} and ${projectMenuItems.projectId} = any(${uuids(ids)})
    ), served_orders as (
      select scope_items.project_id, ${orders.id}::text as id, ${orders.state}::text as state, ${orders.stars} as stars
      from ${orders} join scope_items on ${orders.menuItemId} = scope_items.menu_item_id
      where ${orders.tenantId} = ${tenantId}
    ), sources as (
      select scope_activities.project_id, 'activity_attendance' as type, ${activityAttendance.id}::text as id
      from ${activityAttendance} join scope_activities on ${activityAttendance.activityId} = scope_activities.activity_id
      where ${activityAttendance.tenantId} = ${tenantId}
      union all
      select project_id, 'order', id from served_orders
    ), served as (
      select sources.project_id, ${serviceRecords.volunteerUserId} as volunteer, ${serviceRecords.minutes} as minutes
      from ${serviceRecords} join sources
        on ${serviceRecords.sourceType}::text = sources.type and ${serviceRecords.sourceId} = sources.id
      where ${serviceRecords.tenantId} = ${tenantId} and ${serviceRecords.status} = 'confirmed'
    )
    select p.id::text as id,
      (select coalesce(sum(minutes), 0)::int from served where project_id = p.id) as minutes,
      (select count(distinct volunteer)::int from served where project_id = p.id) as volunteers,
      (select count(*)::int from served_orders where project_id = p.id and state in (${done})) as completed,
      (select count(*)::int from served_orders
        where project_id = p.id and state in (${done}) and stars is not null) as rated,
      (select avg(stars)::float8 from served_orders
        where project_id = p.id and state in (${done}) and stars is not null) as stars
    from unnest(${uuids(ids)}) as p(id)
  `)) as unknown as {
    rows: { id: string; minutes: number; volunteers: number; completed: number; rated: number; stars: number | null }[];
  };
  for (const r of rows)
    out.set(r.id, {
      minutesServed: Number(r.minutes),
      volunteers: Number(r.volunteers),
      ordersCompleted: Number(r.completed),
      ratedOrders: Number(r.rated),
      averageStars: r.stars === null ? null : Math.round(Number(r.stars) * 100) / 100,
    });
  for (const id of ids) if (!out.has(id)) out.set(id, noResults);
  return out;
}
