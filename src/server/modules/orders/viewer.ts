import { and, eq, sql } from 'drizzle-orm';
import { type Actor, inScope, isStaff } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { type HeldQualifications, heldQualifications, servedSkillsThrough } from '../academy/index.js';
import { users } from '../accounts/index.js';
import { organisationMembers } from '../organisations/index.js';
import { ancestorCodes } from '../service-menu/index.js';
import { volunteerServiceAreas, volunteerSkills, volunteers } from '../volunteers/index.js';
import type { OrderRow, Viewer } from './machine.js';

/** What is known about the actor once per request, whatever the order: their volunteer profile and teams. */
export interface ActorFacts {
  actor: Actor | null;
  volunteerId: string | null;
  volunteerActive: boolean;
  homeRegion: string | null;
  /** The skills they can serve with today; an order's own check uses `servesThrough` on its service end. */
  skills: Set<string>;
  declaredSkills: string[];
  qualifications: HeldQualifications;
  areas: string[];
  /** Teams the actor belongs to, and those they lead or administer. */
  teamIds: Set<string>;
  managedTeamIds: Set<string>;
}

/**
 * One statement, whatever the actor: the account row (always there) with the volunteer profile
 * joined, and the skills, areas and teams as JSON sub-selects — one round trip instead of four.
 */
export async function loadActorFacts(db: Db, actor: Actor | null): Promise<ActorFacts> {
  const empty: ActorFacts = {
    actor,
    volunteerId: null,
    volunteerActive: false,
    homeRegion: null,
    skills: new Set(),
    declaredSkills: [],
    qualifications: { gated: new Set(), validUntil: new Map() },
    areas: [],
    teamIds: new Set(),
    managedTeamIds: new Set(),
  };
  if (!actor) return empty;
  const [row] = await db
    .select({
      volunteerId: volunteers.id,
      status: volunteers.status,
      homeRegion: volunteers.regionCode,
      skills: sql<string[] | null>`(select json_agg(${volunteerSkills.skillCode}) from ${volunteerSkills}
        where ${volunteerSkills.tenantId} = ${users.tenantId} and ${volunteerSkills.volunteerId} = ${volunteers.id})`,
      areas: sql<string[] | null>`(select json_agg(${volunteerServiceAreas.regionCode}) from ${volunteerServiceAreas}
        where ${volunteerServiceAreas.tenantId} = ${users.tenantId} and ${volunteerServiceAreas.volunteerId} = ${volunteers.id})`,
      teams: sql<{ id: string; role: string }[] | null>`(select json_agg(json_build_object(
          'id', ${organisationMembers.organisationId}, 'role', ${organisationMembers.role}))
        from ${organisationMembers}
        where ${organisationMembers.tenantId} = ${users.tenantId} and ${organisationMembers.userId} = ${users.id})`,
    })
    .from(users)
    .leftJoin(volunteers, and(eq(volunteers.tenantId, users.tenantId), eq(volunteers.userId, users.id)))
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
  if (!row) return empty;
  const now = new Date();
  const declaredSkills = row.volunteerId ? (row.skills ?? []) : [];
  // A declared skill that is a qualification (急救) counts only while a valid qualification backs it.
  const qualifications = row.volunteerId
    ? await heldQualifications(db, actor.tenantId, actor.userId, now)
    : empty.qualifications;
  const teams = row.teams ?? [];
  const managed = new Set(teams.filter((t) => t.role !== 'member').map((t) => t.id));
  for (const g of actor.grants) if (g.role === 'org_admin' && g.organisationId) managed.add(g.organisationId);
  return {
    actor,
    volunteerId: row.volunteerId,
    volunteerActive: row.status === 'active',
    homeRegion: row.homeRegion,
    skills: new Set(servedSkillsThrough(qualifications, declaredSkills, now)),
    declaredSkills,
    qualifications,
    areas: row.areas ?? [],
    teamIds: new Set(teams.map((t) => t.id)),
    managedTeamIds: managed,
  };
}

/**
 * May this volunteer grab an open order: the skills it needs (a qualification still valid at the
 * service's end, as dispatch's `eligibleGrabberIds` counts it), and its community inside their areas or home.
 */
export function eligibleToGrab(
  facts: ActorFacts,
  order: Pick<OrderRow, 'requiredSkills' | 'regionCode' | 'windowEnd'>,
): boolean {
  if (!facts.volunteerActive) return false;
  if (order.requiredSkills.length) {
    const served = new Set(servedSkillsThrough(facts.qualifications, facts.declaredSkills, order.windowEnd));
    if (!order.requiredSkills.every((s) => served.has(s))) return false;
  }
  const up = ancestorCodes(order.regionCode);
  return facts.homeRegion === order.regionCode || facts.areas.some((a) => up.includes(a));
}

export function viewerOf(facts: ActorFacts, order: OrderRow): Viewer {
  const actor = facts.actor;
  if (!actor) {
    return {
      isResident: false,
      isPlacer: false,
      staffInScope: false,
      handles: false,
      handlesTarget: false,
      mayAccept: false,
      mayDecline: false,
      isServingVolunteer: false,
    };
  }
  const me = actor.userId;
  const staff = isStaff(actor);
  const isPlacer = order.placedBy === me;
  const namedTeam = order.targetKind === 'team' && !!order.targetOrganisationId;
  const waitsForMe =
    (order.targetKind === 'volunteer' && order.targetUserId === me) ||
    (namedTeam && facts.teamIds.has(order.targetOrganisationId as string)) ||
    (order.targetKind === 'open' && eligibleToGrab(facts, order));
  return {
    isResident: order.residentUserId === me || (order.residentUserId === null && isPlacer),
    isPlacer,
    staffInScope: staff && inScope(actor, order.regionCode),
    handles: staff && inScope(actor, order.handlerRegionCode),
    handlesTarget: staff && order.targetKind === 'level' && inScope(actor, order.targetRegionCode),
    mayAccept: facts.volunteerActive && waitsForMe,
    mayDecline:
      (order.targetKind === 'volunteer' && order.targetUserId === me) ||
      (namedTeam && facts.managedTeamIds.has(order.targetOrganisationId as string)),
    isServingVolunteer: order.volunteerUserId === me,
  };
}

/** May the actor see the order at all? Anyone the order concerns; everyone else gets NOT_FOUND. */
export function mayRead(facts: ActorFacts, order: OrderRow, viewer: Viewer): boolean {
  return (
    viewer.isResident ||
    viewer.isPlacer ||
    viewer.staffInScope ||
    viewer.isServingVolunteer ||
    viewer.mayAccept ||
    viewer.mayDecline ||
    (!!order.organisationId && facts.managedTeamIds.has(order.organisationId))
  );
}
