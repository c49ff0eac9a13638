import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, inScope, isStaff } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { volunteers } from '../volunteers/index.js';
import type { ServiceRecordRow } from './record-service.js';
import { type hoursCorrections, serviceRecords } from './schema.js';

type CorrectionRow = typeof hoursCorrections.$inferSelect;

async function userNames(db: Db, tenantId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function volunteerCards(db: Db, tenantId: string, userIds: string[]) {
  const wanted = [...new Set(userIds)];
  if (!wanted.length) return new Map<string, { name: string; number: string }>();
  const rows = await db
    .select({ userId: volunteers.userId, name: volunteers.name, number: volunteers.number })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, tenantId), inArray(volunteers.userId, wanted)));
  return new Map(rows.map((r) => [r.userId, { name: r.name, number: r.number }]));
}

const ref = (names: Map<string, string>, id: string | null) => (id ? { userId: id, name: names.get(id) ?? '' } : null);

/**
 * Records as the API shows them, with names and what the viewer may do; `ledTeams`, the teams the
 * viewer leads, lets a leader decide their team's records (never their own).
 */
export async function presentRecords(db: Db, actor: Actor, rows: ServiceRecordRow[], ledTeams: string[] = []) {
  const tenantId = actor.tenantId;
  const orgIds = [...new Set(rows.map((r) => r.organisationId).filter((x): x is string => Boolean(x)))];
  const [names, cards, orgs] = await Promise.all([
    userNames(
      db,
      tenantId,
      rows.flatMap((r) => [r.volunteerUserId, r.recordedBy, r.confirmedBy]),
    ),
    volunteerCards(
      db,
      tenantId,
      rows.map((r) => r.volunteerUserId),
    ),
    orgIds.length
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, orgIds)))
      : Promise.resolve([]),
  ]);
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => {
    const staffHere =
      (isStaff(actor) && inScope(actor, r.regionCode)) ||
      (r.organisationId !== null && ledTeams.includes(r.organisationId) && r.volunteerUserId !== actor.userId);
    const card = cards.get(r.volunteerUserId);
    return {
      id: r.id,
      volunteer: {
        userId: r.volunteerUserId,
        name: card?.name ?? names.get(r.volunteerUserId) ?? '',
        number: card?.number ?? null,
      },
      source: { type: r.sourceType, id: r.sourceId },
      content: r.content,
      minutes: r.minutes,
      startedAt: r.startedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      regionCode: r.regionCode,
      organisation: r.organisationId ? { id: r.organisationId, name: orgNames.get(r.organisationId) ?? '' } : null,
      recordedBy: ref(names, r.recordedBy),
      recordedAt: r.recordedAt.toISOString(),
      status: r.status,
      confirmedBy: ref(names, r.confirmedBy),
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      correctsId: r.correctsId,
      rejectedAt: r.rejectedAt?.toISOString() ?? null,
      rejectReason: r.rejectReason,
      synthetic: r.synthetic,
      can: {
        confirm: staffHere && r.status === 'pending',
        reject: staffHere && r.status === 'pending',
        correct: r.status === 'confirmed' && (staffHere || r.volunteerUserId === actor.userId),
      },
    };
  });
}

export async function presentCorrections(db: Db, tenantId: string, rows: CorrectionRow[]) {
  const recordIds = [...new Set(rows.map((r) => r.serviceRecordId))];
  const records = recordIds.length
    ? await db
        .select()
        .from(serviceRecords)
        .where(and(eq(serviceRecords.tenantId, tenantId), inArray(serviceRecords.id, recordIds)))
    : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  const [names, cards] = await Promise.all([
    userNames(db, tenantId, [
      ...rows.flatMap((r) => [r.requestedBy, r.decidedBy]),
      ...records.map((r) => r.volunteerUserId),
    ]),
    volunteerCards(
      db,
      tenantId,
      records.map((r) => r.volunteerUserId),
    ),
  ]);
  return rows.map((c) => {
    const record = byId.get(c.serviceRecordId);
    const volunteerId = record?.volunteerUserId ?? null;
    return {
      id: c.id,
      serviceRecordId: c.serviceRecordId,
      volunteerName: volunteerId ? (cards.get(volunteerId)?.name ?? names.get(volunteerId) ?? null) : null,
      content: record?.content ?? '',
      fromMinutes: record?.minutes ?? 0,
      minutes: c.minutes,
      reason: c.reason,
      state: c.state,
      requestedBy: ref(names, c.requestedBy),
      requestedAt: c.requestedAt.toISOString(),
      decidedBy: ref(names, c.decidedBy),
      decidedAt: c.decidedAt?.toISOString() ?? null,
      decisionNote: c.decisionNote,
      newRecordId: c.newRecordId,
    };
  });
}
