import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import { maskPhone } from '../../../shared/phone.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { fileLink } from '../../platform/files.js';
import { files } from '../../platform/files-schema.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { serviceCategories } from '../service-menu/index.js';
import { actionsFor, type OrderRow, orderMachine, stateLabel } from './machine.js';
import type { TimelineEntry } from './parties.js';
import { orderEvents } from './schema.js';
import { type ActorFacts, viewerOf } from './viewer.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

type Named = { kind: string; id: string; name: string };

/** A PostgreSQL array literal of `xs`, every element quoted: one parameter whatever the length. */
const arrayLiteral = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/**
 * Names for a page of orders — people, teams, regions, categories — in one round trip. The ids go
 * as one array per kind, so the statement's text is the same for every page (prepared once).
 */
async function lookups(db: Db, tenantId: string, rows: OrderRow[]) {
  const userIds = uniq(rows.flatMap((r) => [r.volunteerUserId, r.targetUserId]));
  const orgIds = uniq(rows.map((r) => r.targetOrganisationId));
  const codes = uniq(rows.flatMap((r) => [r.regionCode, r.handlerRegionCode, r.targetRegionCode]));
  const cats = uniq(rows.map((r) => r.categoryCode));
  const part = (kind: string, table: AnyPgTable, id: AnyPgColumn, name: AnyPgColumn, ids: string[], type: SQL) =>
    sql`select ${sql.raw(`'${kind}'`)} as kind, ${id}::text as id, ${name} as name from ${table}
      where ${table}.tenant_id = ${tenantId} and ${id} = any(${arrayLiteral(ids)}::${type})`;
  const found = (
    (await db.execute(
      sql.join(
        [
          part('p', users, users.id, users.displayName, userIds, sql.raw('uuid[]')),
          part('o', organisations, organisations.id, organisations.name, orgIds, sql.raw('uuid[]')),
          part('r', regions, regions.code, regions.shortName, codes, sql.raw('text[]')),
          part('c', serviceCategories, serviceCategories.code, serviceCategories.name, cats, sql.raw('text[]')),
        ],
        sql` union all `,
      ),
    )) as unknown as { rows: Named[] }
  ).rows;
  const map = (kind: string) => new Map(found.filter((x) => x.kind === kind).map((x) => [x.id, x.name]));
  return { people: map('p'), orgs: map('o'), places: map('r'), categories: map('c') };
}

type Lookups = Awaited<ReturnType<typeof lookups>>;

function presentOne(row: OrderRow, facts: ActorFacts, names: Lookups) {
  const viewer = viewerOf(facts, row);
  const person = (id: string | null) => (id ? { userId: id, name: names.people.get(id) ?? '' } : null);
  const place = (code: string | null) => (code ? (names.places.get(code) ?? code) : null);
  const seesPhone = viewer.staffInScope || viewer.isServingVolunteer || viewer.isResident || viewer.isPlacer;
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    stateLabel: stateLabel(row.state),
    menuItemId: row.menuItemId,
    categoryCode: row.categoryCode,
    categoryName: names.categories.get(row.categoryCode) ?? row.categoryCode,
    title: row.title,
    description: row.description,
    requiredSkills: row.requiredSkills,
    regionCode: row.regionCode,
    regionName: place(row.regionCode) as string,
    handlerRegionCode: row.handlerRegionCode,
    handlerRegionName: place(row.handlerRegionCode) as string,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    urgency: row.urgency,
    contactName: row.contactName,
    contactPhone: row.contactPhone ? (seesPhone ? row.contactPhone : maskPhone(row.contactPhone)) : null,
    channel: row.channel,
    placedAt: row.placedAt.toISOString(),
    reviewDueAt: iso(row.reviewDueAt),
    acceptDueAt: iso(row.acceptDueAt),
    rejectReason: row.rejectReason,
    target: row.targetKind
      ? {
          kind: row.targetKind,
          volunteer: person(row.targetUserId),
          organisationId: row.targetOrganisationId,
          organisationName: row.targetOrganisationId ? (names.orgs.get(row.targetOrganisationId) ?? null) : null,
          regionCode: row.targetRegionCode,
          regionName: place(row.targetRegionCode),
        }
      : null,
    volunteer: person(row.volunteerUserId),
    organisationId: row.organisationId,
    acceptedAt: iso(row.acceptedAt),
    checkIn: row.checkInAt
      ? {
          at: row.checkInAt.toISOString(),
          lng: row.checkInLng,
          lat: row.checkInLat,
          distanceM: row.checkInDistanceM,
          accuracyM: row.checkInAccuracyM,
          noLocation: row.checkInLng === null,
          note: row.checkInNote,
        }
      : null,
    completedAt: iso(row.completedAt),
    summary: row.summary,
    rating:
      row.stars !== null && row.ratedAt
        ? { stars: row.stars, comment: row.comment ?? '', at: row.ratedAt.toISOString() }
        : null,
    cancelReason: row.cancelReason,
    escalations: row.escalations,
    synthetic: row.synthetic,
    actions: actionsFor(row, viewer, facts.actor),
  };
}

export async function presentOrders(db: Db, rows: OrderRow[], facts: ActorFacts) {
  if (!rows.length) return [];
  const names = await lookups(db, rows[0]?.tenantId as string, rows);
  return rows.map((r) => presentOne(r, facts, names));
}

const NO_LOCATION = { zh: '无定位', en: 'no location' };

/**
 * One order with its photos (signed links) and its timeline; `timeline`, when the caller has just
 * written the order's every event (a new order), is not read again.
 */
export async function presentOrderDetail(
  db: Db,
  config: Config,
  row: OrderRow,
  facts: ActorFacts,
  timeline?: TimelineEntry[],
) {
  const [view] = await presentOrders(db, [row], facts);
  if (!view) throw new Error('present failed');
  const ids = [...row.photoFileIds, ...row.completionPhotoFileIds];
  const stored = ids.length
    ? await db
        .select()
        .from(files)
        .where(and(eq(files.tenantId, row.tenantId), inArray(files.id, ids)))
    : [];
  const photos = (list: string[]) =>
    list.flatMap((id) => {
      const f = stored.find((s) => s.id === id);
      return f ? [{ id, url: fileLink(config, f).url }] : [];
    });
  const events =
    timeline ??
    (await db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.tenantId, row.tenantId), eq(orderEvents.orderId, row.id)))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id)));
  const labelOf = (event: string) =>
    event === 'place'
      ? { zh: '提交订单', en: 'placed' }
      : (orderMachine.events[event as keyof typeof orderMachine.events]?.label ?? { zh: event, en: event });
  return {
    ...view,
    photos: photos(row.photoFileIds),
    completionPhotos: photos(row.completionPhotoFileIds),
    timeline: events.map((e) => ({
      event: e.event,
      label: labelOf(e.event),
      fromState: e.fromState,
      toState: e.toState,
      actorName: e.actorName,
      note: e.note ?? null,
      flag: e.data?.noLocation === true ? NO_LOCATION : null,
      at: e.at.toISOString(),
    })),
  };
}
