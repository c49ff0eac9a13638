import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { requireRegionInScope, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { loadOrganiserFacts, organiserCondition } from './access.js';
import type { ActivityRow } from './machine.js';
import { loadNames, presentActivity, presentSessions } from './present.js';
import { type ActivityState, activities } from './schema.js';
import { upcomingSessions } from './sessions.js';

export interface ListActivitiesInput {
  state?: ActivityState;
  regionCode?: string;
  organisationId?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The console's list: activities the caller organises (staff scope, or teams they lead), newest first. */
export async function listActivities(ctx: Ctx, input: ListActivitiesInput) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const facts = await loadOrganiserFacts(ctx.db, actor);
  const after = timeIdCursor.decode(input.cursor);
  const like = input.q ? `%${escapeLike(input.q)}%` : null;
  const rows = await ctx.db
    .select({ activity: activities, sortAt: sql<string>`${activities.createdAt}::text` })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, actor.tenantId),
        organiserCondition(facts),
        input.state ? eq(activities.state, input.state) : undefined,
        input.regionCode ? subtreeCondition(activities.regionCode, [input.regionCode]) : undefined,
        input.organisationId ? eq(activities.organisationId, input.organisationId) : undefined,
        like ? or(ilike(activities.title, like), ilike(activities.series, like)) : undefined,
        after
          ? sql`(${activities.createdAt}, ${activities.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(activities.createdAt), desc(activities.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const list: ActivityRow[] = page.map((r) => r.activity);
  const last = page.at(-1);
  const names = await loadNames(ctx.db, actor.tenantId, list);
  const now = new Date();
  const next = await upcomingSessions(
    ctx.db,
    actor.tenantId,
    list.map((a) => a.id),
    now,
    1,
  );
  const byId = new Map(list.map((a) => [a.id, a]));
  const sessionViews = await presentSessions(ctx.db, next, (id) => byId.get(id) as ActivityRow, facts, now);
  return {
    items: list.map((a) => ({
      ...presentActivity(a, names, facts),
      nextSession: sessionViews.find((s) => s.activityId === a.id) ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? timeIdCursor.encode([last.sortAt, last.activity.id]) : null,
  };
}
