import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { fileLink } from '../../platform/files.js';
import { files } from '../../platform/files-schema.js';
import { users } from '../accounts/index.js';
import { maskName, organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { actionsFor, stateLabel, type WishRow, wishMachine } from './machine.js';
import { wishEvents } from './schema.js';
import { accessOf, viewerOf, type WishFacts } from './viewer.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/** Names for a page of wishes: communities, claimers, organisations, photos. */
async function lookups(db: Db, config: Config, tenantId: string, rows: WishRow[]) {
  const codes = uniq(rows.map((r) => r.regionCode));
  const people = uniq(rows.map((r) => r.claimerUserId));
  const orgs = uniq(rows.map((r) => r.claimerOrganisationId));
  const photos = uniq(rows.map((r) => r.photoFileId));
  const [places, names, orgNames, stored] = await Promise.all([
    codes.length
      ? db
          .select({ k: regions.code, v: regions.shortName })
          .from(regions)
          .where(and(eq(regions.tenantId, tenantId), inArray(regions.code, codes)))
      : [],
    people.length
      ? db
          .select({ k: users.id, v: users.displayName })
          .from(users)
          .where(and(eq(users.tenantId, tenantId), inArray(users.id, people)))
      : [],
    orgs.length
      ? db
          .select({ k: organisations.id, v: organisations.name })
          .from(organisations)
          .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, orgs)))
      : [],
    photos.length
      ? db
          .select()
          .from(files)
          .where(and(eq(files.tenantId, tenantId), inArray(files.id, photos)))
      : [],
  ]);
  const map = (xs: { k: string; v: string }[]) => new Map(xs.map((x) => [x.k, x.v]));
  return {
    places: map(places),
    people: map(names),
    orgs: map(orgNames),
    photos: new Map(stored.map((f) => [f.id, fileLink(config, f).url])),
  };
}

type Lookups = Awaited<ReturnType<typeof lookups>>;

function presentOne(row: WishRow, facts: WishFacts, names: Lookups) {
  const viewer = viewerOf(facts, row);
  const party = accessOf(viewer, row) === 'party';
  // The resident's details: the resident, the placer, staff in scope, and the claimer once it is theirs.
  const seesPersonal = party;
  const orgName = row.claimerOrganisationId ? (names.orgs.get(row.claimerOrganisationId) ?? null) : null;
  const claimerName = row.claimerUserId ? (names.people.get(row.claimerUserId) ?? '') : '';
  const photoUrl = row.photoFileId ? names.photos.get(row.photoFileId) : undefined;
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    stateLabel: stateLabel(row.state),
    title: row.title,
    description: row.description,
    estimatedValueFen: row.estimatedValueFen,
    regionCode: row.regionCode,
    regionName: names.places.get(row.regionCode) ?? row.regionCode,
    beneficiaryName: seesPersonal ? row.beneficiaryName : maskName(row.beneficiaryName),
    beneficiaryGroup: row.beneficiaryGroup,
    beneficiaryPhone: seesPersonal ? row.beneficiaryPhone : null,
    address: seesPersonal ? row.address : null,
    channel: row.channel,
    placedAt: row.placedAt.toISOString(),
    deadline: row.deadline.toISOString(),
    rejectReason: party ? row.rejectReason : null,
    claimer: row.claimerUserId
      ? {
          name: orgName ?? (party ? claimerName : maskName(claimerName)),
          organisationId: row.claimerOrganisationId,
          organisationName: orgName,
        }
      : null,
    claimedAt: iso(row.claimedAt),
    deliveredAt: iso(row.deliveredAt),
    deliveryNote: party ? row.deliveryNote : null,
    confirmedAt: iso(row.confirmedAt),
    thanks: party ? row.thanks : null,
    thankedAt: iso(row.thankedAt),
    withdrawReason: party ? row.withdrawReason : null,
    photo: row.photoFileId && photoUrl ? { id: row.photoFileId, url: photoUrl } : null,
    synthetic: row.synthetic,
    mine: party,
    actions: actionsFor(row, viewer, facts.actor),
  };
}

export async function presentWishes(db: Db, config: Config, rows: WishRow[], facts: WishFacts) {
  if (!rows.length) return [];
  const names = await lookups(db, config, rows[0]?.tenantId as string, rows);
  return rows.map((r) => presentOne(r, facts, names));
}

/** One wish with its timeline (for the parties) and the organisations the caller may claim it for. */
export async function presentWishDetail(db: Db, config: Config, row: WishRow, facts: WishFacts) {
  const [view] = await presentWishes(db, config, [row], facts);
  if (!view) throw new Error('present failed');
  const events = view.mine
    ? await db
        .select()
        .from(wishEvents)
        .where(and(eq(wishEvents.tenantId, row.tenantId), eq(wishEvents.wishId, row.id)))
        .orderBy(asc(wishEvents.at), asc(wishEvents.id))
    : [];
  const labelOf = (event: string) =>
    event === 'place'
      ? { zh: '提交心愿', en: 'placed' }
      : (wishMachine.events[event as keyof typeof wishMachine.events]?.label ?? { zh: event, en: event });
  return {
    ...view,
    timeline: events.map((e) => ({
      event: e.event,
      label: labelOf(e.event),
      fromState: e.fromState,
      toState: e.toState,
      actorName: e.actorName,
      note: e.note,
      at: e.at.toISOString(),
    })),
    claimAs: view.actions.claim ? facts.organisations : [],
  };
}
