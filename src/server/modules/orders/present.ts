import { and, asc, eq, inArray } from 'drizzle-orm';
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
import { orderEvents } from './schema.js';
import { type ActorFacts, viewerOf } from './viewer.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/** Names for a page of orders, fetched once: people, teams, regions, categories. */
async function lookups(db: Db, tenantId: string, rows: OrderRow[]) {
  const userIds = uniq(rows.flatMap((r) => [r.volunteerUserId, r.targetUserId]));
  const orgIds = uniq(rows.map((r) => r.targetOrganisationId));
  const codes = uniq(rows.flatMap((r) => [r.regionCode, r.handlerRegionCode, r.targetRegionCode]));
  const cats = uniq(rows.map((r) => r.categoryCode));
  const [people, orgs, places, categories] = await Promise.all([
    userIds.length
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds)))
      : [],
    orgIds.length
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, orgIds)))
      : [],
    codes.length
      ? db
          .select({ id: regions.code, name: regions.shortName })
          .from(regions)
          .where(and(eq(regions.tenantId, tenantId), inArray(regions.code, codes)))
      : [],
    cats.length
      ? db
          .select({ id: serviceCategories.code, name: serviceCategories.name })
          .from(serviceCategories)
          .where(and(eq(serviceCategories.tenantId, tenantId), inArray(serviceCategories.code, cats)))
      : [],
  ]);
  const map = (xs: { id: string; name: string }[]) => new Map(xs.map((x) => [x.id, x.name]));
  return { people: map(people), orgs: map(orgs), places: map(places), categories: map(categories) };
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
    checkIn:
      row.checkInAt && row.checkInLng !== null && row.checkInLat !== null
        ? { at: row.checkInAt.toISOString(), lng: row.checkInLng, lat: row.checkInLat, distanceM: row.checkInDistanceM }
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

/** One order with its photos (signed links) and its timeline. */
export async function presentOrderDetail(db: Db, config: Config, row: OrderRow, facts: ActorFacts) {
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
  const events = await db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.tenantId, row.tenantId), eq(orderEvents.orderId, row.id)))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id));
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
      note: e.note,
      at: e.at.toISOString(),
    })),
  };
}
