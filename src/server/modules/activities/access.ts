import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, inScope, isStaff, scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { organisationMembers } from '../organisations/index.js';
import type { ActivityRow, ActivityViewer } from './machine.js';
import { activities } from './schema.js';

/** What is known about the caller once per request: the organisations they manage. */
export interface OrganiserFacts {
  actor: Actor | null;
  /** Organisations the caller leads or administers (member role leader/admin, or an org_admin grant). */
  managedOrganisationIds: Set<string>;
}

export async function loadOrganiserFacts(db: Db, actor: Actor | null): Promise<OrganiserFacts> {
  if (!actor) return { actor, managedOrganisationIds: new Set() };
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, actor.tenantId),
        eq(organisationMembers.userId, actor.userId),
        inArray(organisationMembers.role, ['leader', 'admin']),
      ),
    );
  const managed = new Set(rows.map((r) => r.id));
  for (const g of actor.grants) if (g.role === 'org_admin' && g.organisationId) managed.add(g.organisationId);
  return { actor, managedOrganisationIds: managed };
}

/** Staff whose scope holds the activity's place, or a manager of the organisation that runs it. */
export function viewerOf(facts: OrganiserFacts, activity: Pick<ActivityRow, 'regionCode' | 'organisationId'>) {
  const actor = facts.actor;
  const organiser =
    !!actor &&
    ((isStaff(actor) && inScope(actor, activity.regionCode)) ||
      facts.managedOrganisationIds.has(activity.organisationId));
  return { organiser } satisfies ActivityViewer;
}

/** Rows the caller organises: in their staff scope, or run by an organisation they manage. */
export function organiserCondition(facts: OrganiserFacts): SQL {
  const actor = facts.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const managed = [...facts.managedOrganisationIds];
  const parts: SQL[] = [];
  if (isStaff(actor)) parts.push(scopeCondition(actor, activities.regionCode));
  if (managed.length) parts.push(inArray(activities.organisationId, managed));
  if (parts.length === 0) return sql`false`;
  return parts.length === 1 ? (parts[0] as SQL) : (or(...parts) as SQL);
}

export async function findActivity(db: Db, tenantId: string, id: string): Promise<ActivityRow | null> {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.tenantId, tenantId), eq(activities.id, id)));
  return row ?? null;
}

/** The activity when the caller organises it; NOT_FOUND otherwise, as for one that does not exist. */
export async function loadActivityToManage(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const facts = await loadOrganiserFacts(ctx.db, actor);
  const activity = await findActivity(ctx.db, actor.tenantId, id);
  if (!activity || !viewerOf(facts, activity).organiser) throw new AppError('NOT_FOUND');
  return { actor, facts, activity };
}
