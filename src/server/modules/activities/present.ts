import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { serviceCategories } from '../service-menu/index.js';
import { sites } from '../sites/index.js';
import { skills } from '../volunteers/index.js';
import { type OrganiserFacts, viewerOf } from './access.js';
import { type ActivityRow, activityActions, activityMachine, signupActions, signupMachine } from './machine.js';
import { describeRule } from './recurrence.js';
import { activityAttendance, activitySignups } from './schema.js';
import { type SessionRow, sessionWindows } from './sessions.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const distinct = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v != null))];

/** Names of what activities refer to, loaded once for a page. */
export async function loadNames(db: Db, tenantId: string, rows: ActivityRow[]) {
  const [cats, orgs, places, areas, skillRows] = await Promise.all([
    db
      .select({ code: serviceCategories.code, name: serviceCategories.name, nameEn: serviceCategories.nameEn })
      .from(serviceCategories)
      .where(eq(serviceCategories.tenantId, tenantId)),
    rows.length
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(
            and(
              eq(organisations.tenantId, tenantId),
              inArray(organisations.id, distinct(rows.map((r) => r.organisationId))),
            ),
          )
      : [],
    distinct(rows.map((r) => r.siteId)).length
      ? db
          .select({ id: sites.id, name: sites.name })
          .from(sites)
          .where(and(eq(sites.tenantId, tenantId), inArray(sites.id, distinct(rows.map((r) => r.siteId)))))
      : [],
    rows.length
      ? db
          .select({ code: regions.code, name: regions.shortName })
          .from(regions)
          .where(and(eq(regions.tenantId, tenantId), inArray(regions.code, distinct(rows.map((r) => r.regionCode)))))
      : [],
    db
      .select({ code: skills.code, name: skills.name, nameEn: skills.nameEn })
      .from(skills)
      .where(eq(skills.tenantId, tenantId)),
  ]);
  return {
    category: (code: string) => cats.find((c) => c.code === code) ?? { code, name: code, nameEn: code },
    organisation: (id: string) => ({ id, name: orgs.find((o) => o.id === id)?.name ?? '' }),
    site: (id: string | null) => (id ? { id, name: places.find((p) => p.id === id)?.name ?? '' } : null),
    region: (code: string) => areas.find((a) => a.code === code)?.name ?? code,
    skill: (code: string) => skillRows.find((s) => s.code === code) ?? { code, name: code, nameEn: code },
  };
}
export type Names = Awaited<ReturnType<typeof loadNames>>;

/** The activity as a line in a list of occurrences (search, my activities). */
export function activitySummary(row: ActivityRow, names: Names) {
  return {
    id: row.id,
    title: row.title,
    series: row.series,
    category: names.category(row.categoryCode),
    organisation: names.organisation(row.organisationId),
    site: names.site(row.siteId),
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    approvalMode: row.approvalMode,
    state: row.state,
  };
}

export function presentActivity(row: ActivityRow, names: Names, facts: OrganiserFacts) {
  const viewer = viewerOf(facts, row);
  const actions = activityActions(row, viewer, facts.actor);
  return {
    id: row.id,
    state: row.state,
    stateLabel: activityMachine.states[row.state],
    title: row.title,
    description: row.description,
    category: names.category(row.categoryCode),
    organisation: names.organisation(row.organisationId),
    projectId: row.projectId,
    series: row.series,
    regionCode: row.regionCode,
    regionName: names.region(row.regionCode),
    site: names.site(row.siteId),
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    radiusM: row.radiusM,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    rrule: row.rrule,
    recurrence: describeRule(row.rrule),
    timeZone: row.timeZone,
    quota: row.quota,
    minAge: row.minAge,
    requiredSkills: row.requiredSkills.map(names.skill),
    signupOpensHours: row.signupOpensHours,
    signupClosesMinutes: row.signupClosesMinutes,
    cancelDeadlineMinutes: row.cancelDeadlineMinutes,
    approvalMode: row.approvalMode,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    publishedAt: iso(row.publishedAt),
    cancelledAt: iso(row.cancelledAt),
    cancelReason: row.cancelReason,
    synthetic: row.synthetic,
    actions: { ...actions, edit: viewer.organiser && (row.state === 'draft' || row.state === 'published') },
  };
}

export type AttendanceRow = typeof activityAttendance.$inferSelect;
export type SignupRow = typeof activitySignups.$inferSelect;

export function presentAttendance(row: AttendanceRow | null | undefined) {
  if (!row) return null;
  return {
    checkInAt: row.checkInAt.toISOString(),
    checkInMethod: row.checkInMethod,
    checkOutAt: iso(row.checkOutAt),
    checkOutMethod: row.checkOutMethod,
    minutes: row.minutes,
    autoClosed: row.autoClosed,
    distanceM: row.checkInDistanceM,
    manualReason: row.manualReason,
  };
}

/** Where each waitlisted sign-up stands (1 = next to move up). */
async function waitlistPositions(db: Db, tenantId: string, signups: SignupRow[]): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  for (const s of signups.filter((x) => x.state === 'waitlisted')) {
    const ahead = await db
      .select({ id: activitySignups.id })
      .from(activitySignups)
      .where(
        and(
          eq(activitySignups.tenantId, tenantId),
          eq(activitySignups.sessionId, s.sessionId),
          eq(activitySignups.state, 'waitlisted'),
          lt(activitySignups.queuedAt, s.queuedAt),
        ),
      );
    positions.set(s.id, ahead.length + 1);
  }
  return positions;
}

export function signupViewer(
  signup: SignupRow,
  activity: ActivityRow,
  session: SessionRow,
  facts: OrganiserFacts,
  now: Date,
) {
  return {
    isVolunteer: facts.actor?.userId === signup.userId,
    organiser: viewerOf(facts, activity).organiser,
    beforeDeadline: now < sessionWindows(activity, session).cancelDeadline,
  };
}

/**
 * Occurrences as the caller sees them: seats, windows, and (signed in) their own sign-up and
 * attendance. `activityOf` gives each occurrence's activity.
 */
export async function presentSessions(
  db: Db,
  sessions: SessionRow[],
  activityOf: (id: string) => ActivityRow,
  facts: OrganiserFacts,
  now = new Date(),
) {
  const actor: Actor | null = facts.actor;
  const ids = sessions.map((s) => s.id);
  const [mine, attended] =
    actor && ids.length
      ? await Promise.all([
          db
            .select()
            .from(activitySignups)
            .where(
              and(
                eq(activitySignups.tenantId, actor.tenantId),
                eq(activitySignups.userId, actor.userId),
                inArray(activitySignups.sessionId, ids),
              ),
            ),
          db
            .select()
            .from(activityAttendance)
            .where(
              and(
                eq(activityAttendance.tenantId, actor.tenantId),
                eq(activityAttendance.userId, actor.userId),
                inArray(activityAttendance.sessionId, ids),
              ),
            ),
        ])
      : [[], []];
  // The live sign-up of each occurrence, else the latest one (cancelled, rejected).
  const latest = new Map<string, SignupRow>();
  for (const s of mine.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const held = latest.get(s.sessionId);
    if (!held || !['pending', 'confirmed', 'waitlisted'].includes(held.state)) latest.set(s.sessionId, s);
  }
  const positions = actor ? await waitlistPositions(db, actor.tenantId, [...latest.values()]) : new Map();
  return sessions.map((session) => {
    const activity = activityOf(session.activityId);
    const windows = sessionWindows(activity, session);
    const signup = latest.get(session.id);
    return {
      id: session.id,
      activityId: session.activityId,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      quota: session.quota,
      taken: session.taken,
      waitlisted: session.waitlisted,
      cancelled: session.cancelledAt !== null,
      cancelReason: session.cancelledAt ? session.cancelReason : null,
      signupOpensAt: windows.signupOpensAt.toISOString(),
      signupClosesAt: windows.signupClosesAt.toISOString(),
      cancelDeadline: windows.cancelDeadline.toISOString(),
      mySignup: signup
        ? {
            id: signup.id,
            state: signup.state,
            stateLabel: signupMachine.states[signup.state],
            waitlistPosition: positions.get(signup.id) ?? null,
            actions: signupActions(signup, signupViewer(signup, activity, session, facts, now), actor),
          }
        : null,
      myAttendance: presentAttendance(attended.find((a) => a.sessionId === session.id)),
    };
  });
}
