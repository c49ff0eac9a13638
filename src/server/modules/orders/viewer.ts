import { and, eq, type SQLWrapper, sql } from 'drizzle-orm';
import { type Actor, inScope, isStaff } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { preparedPerShape } from '../../platform/prepared.js';
import { academyQualifications, type HeldQualifications, heldFrom, servedSkillsThrough } from '../academy/index.js';
import { users } from '../accounts/index.js';
import { organisationMembers } from '../organisations/index.js';
import { ancestorCodes } from '../service-menu/index.js';
import { skills, volunteerServiceAreas, volunteerSkills, volunteers } from '../volunteers/index.js';
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

const emptyFacts = (actor: Actor | null): ActorFacts => ({
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
});

/** A JSON column as the driver hands it over: parsed, or as text. */
const json = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The actor's facts as the columns of one row of `users` (left-joined with `volunteers`): the
 * profile, and the skills, areas, teams and (for a volunteer) the qualification facts as JSON
 * sub-selects. `now` is a placeholder (or value) for the qualifications' expiry. Every raw column
 * is aliased, so the columns can also form a CTE (`listMyOrders` reads the facts with its page).
 */
function actorFactsColumns(now: SQLWrapper) {
  return {
    volunteerId: volunteers.id,
    status: volunteers.status,
    homeRegion: volunteers.regionCode,
    skills: sql<string[] | string | null>`(select json_agg(${volunteerSkills.skillCode}) from ${volunteerSkills}
        where ${volunteerSkills.tenantId} = ${users.tenantId} and ${volunteerSkills.volunteerId} = ${volunteers.id})`.as(
      'facts_skills',
    ),
    areas: sql<
      string[] | string | null
    >`(select json_agg(${volunteerServiceAreas.regionCode}) from ${volunteerServiceAreas}
        where ${volunteerServiceAreas.tenantId} = ${users.tenantId} and ${volunteerServiceAreas.volunteerId} = ${volunteers.id})`.as(
      'facts_areas',
    ),
    teams: sql<{ id: string; role: string }[] | string | null>`(select json_agg(json_build_object(
          'id', ${organisationMembers.organisationId}, 'role', ${organisationMembers.role}))
        from ${organisationMembers}
        where ${organisationMembers.tenantId} = ${users.tenantId} and ${organisationMembers.userId} = ${users.id})`.as(
      'facts_teams',
    ),
    // As `heldQualifications` reads them, for volunteers only: the skills that are qualifications,
    // and the actor's valid qualifications unexpired at `now`.
    gated: sql<string[] | string | null>`(case when ${volunteers.id} is not null then (select json_agg(${skills.code})
        from ${skills} where ${skills.tenantId} = ${users.tenantId} and ${skills.qualification}) end)`.as(
      'facts_gated',
    ),
    spans: sql<
      { code: string; expiresAt: string | null }[] | string | null
    >`(case when ${volunteers.id} is not null then
        (select json_agg(json_build_object('code', ${academyQualifications.skillCode}, 'expiresAt', ${academyQualifications.expiresAt}))
        from ${academyQualifications}
        where ${academyQualifications.tenantId} = ${users.tenantId} and ${academyQualifications.userId} = ${users.id}
          and ${academyQualifications.status} = 'valid'
          and (${academyQualifications.expiresAt} is null or ${academyQualifications.expiresAt} > ${now}::timestamptz)) end)`.as(
      'facts_spans',
    ),
  };
}

type ActorFactsRow = {
  volunteerId: string | null;
  status: string | null;
  homeRegion: string | null;
  skills: string[] | string | null;
  areas: string[] | string | null;
  teams: { id: string; role: string }[] | string | null;
  gated: string[] | string | null;
  spans: { code: string; expiresAt: string | null }[] | string | null;
};

/** The row of `users` left-joined with `volunteers` that `actorFactsColumns` reads. */
const actorFactsJoin = () => and(eq(volunteers.tenantId, users.tenantId), eq(volunteers.userId, users.id));

/** `ActorFacts` from the row `actorFactsColumns` read at `now` (absent: the account is gone). */
function actorFactsFrom(actor: Actor | null, row: ActorFactsRow | undefined, now: Date): ActorFacts {
  if (!actor || !row) return emptyFacts(actor);
  const declaredSkills = row.volunteerId ? (json(row.skills) ?? []) : [];
  // A declared skill that is a qualification (急救) counts only while a valid qualification backs it.
  const qualifications = row.volunteerId
    ? heldFrom(
        json(row.gated) ?? [],
        (json(row.spans) ?? []).map((s) => ({
          code: s.code,
          expiresAt: s.expiresAt === null ? null : new Date(s.expiresAt),
        })),
      )
    : emptyFacts(actor).qualifications;
  const teams = json(row.teams) ?? [];
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
    areas: json(row.areas) ?? [],
    teamIds: new Set(teams.map((t) => t.id)),
    managedTeamIds: managed,
  };
}

const factsQuery = preparedPerShape((db) =>
  db
    .select(actorFactsColumns(sql.placeholder('now')))
    .from(users)
    .leftJoin(volunteers, actorFactsJoin())
    .where(and(eq(users.tenantId, sql.placeholder('tenantId')), eq(users.id, sql.placeholder('userId'))))
    .prepare('actor_facts'),
);

/**
 * One prepared statement, whatever the actor: the account row (always there) with the volunteer
 * profile joined, and the skills, areas, teams and qualifications as JSON sub-selects.
 */
export async function loadActorFacts(db: Db, actor: Actor | null): Promise<ActorFacts> {
  if (!actor) return emptyFacts(actor);
  const now = new Date();
  const [row] = await factsQuery(db).execute({
    tenantId: actor.tenantId,
    userId: actor.userId,
    now: now.toISOString(),
  });
  return actorFactsFrom(actor, row, now);
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
