import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { pageOrders } from './order-queries.js';
import { presentOrders } from './present.js';
import { orders } from './schema.js';
import { eligibleToGrab, loadActorFacts } from './viewer.js';

/**
 * A volunteer's orders. `mine`: accepted by me; `offers`: dispatched to me or a team of mine;
 * `pool`: open for grabbing in my home community or service areas, needing only skills I have.
 */
export async function listMyTasks(
  ctx: Ctx,
  input: { view: 'mine' | 'offers' | 'pool'; limit: number; cursor?: string },
) {
  const actor = requireActor(ctx);
  timeIdCursor.decode(input.cursor); // a bad cursor is a 400 even when the answer is empty anyway
  const facts = await loadActorFacts(ctx.db, actor);
  let where: SQL | undefined;
  if (input.view === 'mine') where = eq(orders.volunteerUserId, actor.userId);
  else if (input.view === 'offers') {
    const teams = [...facts.teamIds];
    where = and(
      eq(orders.state, 'dispatched'),
      or(
        and(eq(orders.targetKind, 'volunteer'), eq(orders.targetUserId, actor.userId)),
        teams.length ? and(eq(orders.targetKind, 'team'), inArray(orders.targetOrganisationId, teams)) : undefined,
      ),
    );
  } else {
    const areas = [...facts.areas, ...(facts.homeRegion ? [facts.homeRegion] : [])];
    if (!facts.volunteerActive || !areas.length) return { items: [], nextCursor: null };
    const skills = [...facts.skills];
    where = and(
      eq(orders.state, 'dispatched'),
      eq(orders.targetKind, 'open'),
      subtreeCondition(orders.regionCode, areas),
      skills.length
        ? sql`${orders.requiredSkills} <@ array[${sql.join(
            skills.map((s) => sql`${s}`),
            sql`, `,
          )}]::text[]`
        : sql`cardinality(${orders.requiredSkills}) = 0`,
    );
  }
  const { rows, nextCursor } = await pageOrders(
    ctx.db,
    [eq(orders.tenantId, actor.tenantId), where],
    input,
    input.view === 'mine' ? 'recent' : 'due',
  );
  const visible = input.view === 'pool' ? rows.filter((r) => eligibleToGrab(facts, r)) : rows;
  return { items: await presentOrders(ctx.db, visible, facts), nextCursor };
}
