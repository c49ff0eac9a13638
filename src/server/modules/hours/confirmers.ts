import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { type Actor, scopeCondition } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { organisationMembers } from '../organisations/index.js';
import { serviceRecords } from './schema.js';

/** The organisations (teams) the actor leads (队长). */
export async function teamsLedBy(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, actor.tenantId),
        eq(organisationMembers.userId, actor.userId),
        eq(organisationMembers.role, 'leader'),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The service records an actor may confirm: those in their region scope (staff), and those recorded
 * for a team they lead (team leaders confirm their own team's hours, nobody else's).
 */
export function confirmableBy(actor: Actor, ledTeams: string[]): SQL {
  const scope = scopeCondition(actor, serviceRecords.regionCode);
  return ledTeams.length ? (or(scope, inArray(serviceRecords.organisationId, ledTeams)) as SQL) : scope;
}
