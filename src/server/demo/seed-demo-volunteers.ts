/**
 * Volunteer profiles for the synthetic volunteers (合成演示数据), so the console's 志愿者 list, the
 * dispatcher's candidates and the figures look like a district's: every synthetic account that
 * served an order, took part in an activity or claimed a wish gets a profile, and so do
 * `registered` more who signed up but have not served yet (a few still awaiting review). Each lives
 * in a community of the subdistrict where they served most (more in 鲸园街道), declares skills of
 * the tenant's taxonomy, weekly hours and service areas, accepted the agreement when they joined
 * (dated over the year, before their first service) and most belong to their subdistrict's team.
 * ID numbers are made up (never a real person's, see SYNTHETIC_ID_REGION) and sealed like any other;
 * intros say the profiles are synthetic.
 *
 * Deterministic: the same `now` gives the same profiles (volunteer ids included). Bulk: one statement per table.
 */
import { and, count, eq, inArray, like, or, sql } from 'drizzle-orm';
import { createUsersWithoutPassword, grantRole, users } from '../modules/accounts/index.js';
import { organisationMembers, organisations } from '../modules/organisations/index.js';
import { regions } from '../modules/regions/index.js';
import { sites } from '../modules/sites/index.js';
import {
  allocateVolunteerNumbers,
  CURRENT_CONSENT_VERSION,
  sealIdNumber,
  skills,
  volunteers,
} from '../modules/volunteers/index.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db.js';
import {
  availabilityOf,
  birthYearOf,
  introOf,
  isFemaleName,
  type Slot,
  skillsOf,
  syntheticIdNumber,
} from './seed-demo-volunteers-data.js';
import { bulkInsert, DAY, GIVEN, generator, STREETS, SURNAMES, syntheticPhone, syntheticPhoneOf } from './synthetic.js';

export const SYNTHETIC_REGISTERED_VOLUNTEERS = 1500;
const JINGYUAN = '371002002';
const BEIMENWAI = '371002002005';
/** The blocks of synthetic people who serve. */
const SERVING = ['orderVolunteer', 'activityVolunteer', 'wishGiver'] as const;
/** What every synthetic phone starts with. */
const SYNTHETIC_PHONES = '17099';

export async function hasSyntheticVolunteers(db: Db, tenantId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(volunteers)
    .innerJoin(users, and(eq(users.tenantId, volunteers.tenantId), eq(users.id, volunteers.userId)))
    .where(and(eq(volunteers.tenantId, tenantId), like(users.phone, `${SYNTHETIC_PHONES}%`)));
  return (row?.n ?? 0) > 0;
}

/** Inserts the profiles once per tenant; false when they are there already. `config` seals the ID numbers. */
export async function seedDemoVolunteers(
  db: Db,
  config: Config,
  tenantId: string,
  now: Date = new Date(),
  registered = SYNTHETIC_REGISTERED_VOLUNTEERS,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(371002, 4)`);
    if (await hasSyntheticVolunteers(tx, tenantId)) return false;
    await insertProfiles(tx, config, tenantId, now, registered);
    return true;
  });
}

interface Person {
  userId: string;
  name: string;
  /** Subdistrict where they served most; null when they have not served. */
  served: string | null;
  /** Their first service, order, sign-up or claim. */
  first: Date | null;
}

/** The synthetic volunteers who served, with where they served most and when first. */
async function servingPeople(tx: Db, tenantId: string): Promise<Person[]> {
  const people = await tx
    .select({ userId: users.id, name: users.displayName, phone: users.phone })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), or(...SERVING.map((b) => like(users.phone, `${syntheticPhone[b]}%`)))))
    .orderBy(users.phone);
  const { rows } = (await tx.execute(sql`
    select user_id as "userId", left(region_code, 9) as sub, count(*)::int as n, min(at) as first from (
      select volunteer_user_id as user_id, region_code, coalesce(accepted_at, placed_at) as at
        from orders where tenant_id = ${tenantId} and synthetic and volunteer_user_id is not null
      union all
      select s.user_id, a.region_code, s.queued_at from activity_signups s
        join activities a on a.tenant_id = s.tenant_id and a.id = s.activity_id
       where s.tenant_id = ${tenantId} and a.synthetic
      union all
      select claimer_user_id, region_code, claimed_at
        from wishes where tenant_id = ${tenantId} and synthetic and claimer_user_id is not null
    ) x group by 1, 2`)) as unknown as { rows: { userId: string; sub: string; n: number; first: string }[] };
  const most = new Map<string, { sub: string; n: number; first: Date }>();
  for (const r of rows) {
    const had = most.get(r.userId);
    const first = new Date(r.first);
    const earliest = had && had.first < first ? had.first : first;
    if (!had || r.n > had.n || (r.n === had.n && r.sub < had.sub)) most.set(r.userId, { ...r, first: earliest });
    else had.first = earliest;
  }
  return people.map((p) => ({
    userId: p.userId,
    name: p.name,
    served: most.get(p.userId)?.sub ?? null,
    first: most.get(p.userId)?.first ?? null,
  }));
}

async function insertProfiles(tx: Db, config: Config, tenantId: string, now: Date, registered: number) {
  const rnd = generator(20261204);
  const communities = await tx
    .select({ code: regions.code, shortName: regions.shortName })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.level, 'community')))
    .orderBy(regions.code);
  // Dispatch places a volunteer at the station of their home community: homes are communities with one.
  const stations = await tx
    .selectDistinct({ code: sites.regionCode })
    .from(sites)
    .where(and(eq(sites.tenantId, tenantId), eq(sites.kind, 'station'), sql`${sites.lng} is not null`));
  const withStation = new Set(stations.map((s) => s.code));
  const homesIn = new Map<string, typeof communities>();
  for (const c of communities) {
    const sub = c.code.slice(0, 9);
    const list = homesIn.get(sub) ?? [];
    // The demo keeper's 北门外社区 is a busy one.
    if (withStation.has(c.code)) list.push(...(c.code === BEIMENWAI ? [c, c, c] : [c]));
    homesIn.set(sub, list);
  }
  for (const [sub, list] of homesIn)
    if (!list.length)
      homesIn.set(
        sub,
        communities.filter((c) => c.code.startsWith(sub)),
      );
  const subdistricts = [...homesIn.keys()].sort();
  const anySub = subdistricts.flatMap((s) => (s === JINGYUAN ? [s, s, s] : [s]));
  const declarable = (
    await tx
      .select({ code: skills.code })
      .from(skills)
      .where(and(eq(skills.tenantId, tenantId), eq(skills.active, true), eq(skills.qualification, false)))
      .orderBy(skills.code)
  ).map((s) => s.code);
  const teams = await tx
    .select({ id: organisations.id, regionCode: organisations.regionCode })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.kind, 'team')))
    .orderBy(organisations.name);
  if (!communities.length || !declarable.length) throw new Error('seed the demo district first');

  // Those who registered but have not served yet: new accounts of their own block.
  const fresh = Array.from({ length: registered }, (_, i) => ({
    phone: syntheticPhoneOf('registeredVolunteer', i),
    displayName: `${SURNAMES[(i * 13 + 5) % SURNAMES.length]}${GIVEN[(i * 3 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`,
  }));
  const created = await createUsersWithoutPassword(tx, tenantId, fresh);
  const nameOf = new Map(fresh.map((f) => [f.phone, f.displayName]));
  const people: Person[] = [
    ...(await servingPeople(tx, tenantId)),
    ...created.map((c) => ({ userId: c.id, name: nameOf.get(c.phone) as string, served: null, first: null })),
  ];

  const yearAgo = now.getTime() - 365 * DAY;
  const thisYear = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  const taken = new Set<string>();
  const ctx = { db: tx, config, tenantId, actor: null, ip: null, requestId: null };
  const profiles = people.map((p) => {
    const sub = p.served ?? rnd.pick(anySub);
    const home = rnd.pick(homesIn.get(sub) ?? communities);
    // Joined some time in the year, always before their first service.
    const picked = yearAgo + rnd.next() * (now.getTime() - yearAgo);
    const joinedAt = new Date(p.first ? Math.min(picked, p.first.getTime() - rnd.int(1, 30) * DAY) : picked);
    const pending = !p.served && now.getTime() - joinedAt.getTime() < 30 * DAY && rnd.next() < 0.25;
    const suspended = !pending && rnd.next() < 0.02;
    const areas = rnd.next() < 0.05 ? [home.code.slice(0, 6)] : rnd.next() < 0.7 ? [sub] : [];
    return {
      person: p,
      id: rnd.uuid(),
      sealed: sealIdNumber(ctx, syntheticIdNumber(rnd, birthYearOf(rnd, thisYear), isFemaleName(p.name), taken)),
      home,
      joinedAt,
      status: pending ? ('pending' as const) : suspended ? ('suspended' as const) : ('active' as const),
      channel: rnd.pick(['desk', 'desk', 'online', 'online', 'online', 'import'] as const),
      skills: skillsOf(rnd, declarable),
      areas: areas.filter((a) => a !== home.code),
      slots: availabilityOf(rnd),
      address: `威海市环翠区${home.shortName}${rnd.pick(STREETS)}${rnd.int(1, 120)}号`,
      intro: introOf(rnd),
      team: rnd.next() < 0.7 ? teams.find((t) => t.regionCode === sub) : undefined,
    };
  });
  profiles.sort((a, b) => +a.joinedAt - +b.joinedAt || a.id.localeCompare(b.id));

  // Numbers in the module's scheme, by the year each joined (China time), in the order they joined.
  const yearOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
  const numbers: string[] = [];
  for (const year of [...new Set(profiles.map((v) => yearOf(v.joinedAt)))].sort()) {
    const n = profiles.filter((v) => yearOf(v.joinedAt) === year).length;
    const prefix = config.VOLUNTEER_NUMBER_PREFIX;
    numbers.push(...(await allocateVolunteerNumbers(tx, { tenantId, prefix, year, count: n })));
  }

  await bulkInsert(
    tx,
    'volunteers',
    profiles.map((v, i) => ({
      tenantId,
      id: v.id,
      userId: v.person.userId,
      number: numbers[i],
      name: v.person.name,
      ...v.sealed,
      regionCode: v.home.code,
      status: v.status,
      statusReason: v.status === 'suspended' ? '长期联系不上，暂停服务（合成演示数据）' : null,
      registeredVia: v.channel,
      address: v.address,
      intro: v.intro,
      createdAt: v.joinedAt,
      updatedAt: v.joinedAt,
    })),
  );
  // The rows below check their volunteer's key: without statistics the planner scans the table for each (≈ 30 s).
  await tx.execute(sql`analyze volunteers`);
  const of = (v: (typeof profiles)[number]) => ({ tenantId, volunteerId: v.id });
  await bulkInsert(
    tx,
    'volunteer_skills',
    profiles.flatMap((v) => v.skills.map((skillCode) => ({ ...of(v), skillCode }))),
  );
  await bulkInsert(
    tx,
    'volunteer_availability',
    profiles.flatMap((v) => v.slots.map((s: Slot) => ({ ...of(v), ...s }))),
  );
  await bulkInsert(
    tx,
    'volunteer_service_areas',
    profiles.flatMap((v) => v.areas.map((regionCode) => ({ ...of(v), regionCode }))),
  );
  await bulkInsert(
    tx,
    'volunteer_consents',
    profiles.map((v) => ({
      ...of(v),
      id: rnd.uuid(),
      version: CURRENT_CONSENT_VERSION,
      acceptedAt: v.joinedAt,
      channel: v.channel,
    })),
  );
  await joinTeams(tx, tenantId, now, profiles);
  await grantRole(
    tx,
    tenantId,
    profiles.map((v) => v.person.userId),
    'volunteer',
  );
}

/** Team members since a few days after they joined; anyone already a member stays as they are. */
async function joinTeams(
  tx: Db,
  tenantId: string,
  now: Date,
  profiles: { person: Person; joinedAt: Date; team?: { id: string } }[],
) {
  const joining = profiles.filter((v) => v.team);
  const already = await tx
    .select({ organisationId: organisationMembers.organisationId, userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, tenantId),
        inArray(
          organisationMembers.userId,
          joining.map((v) => v.person.userId),
        ),
      ),
    );
  const member = new Set(already.map((m) => `${m.organisationId} ${m.userId}`));
  await bulkInsert(
    tx,
    'organisation_members',
    joining
      .filter((v) => !member.has(`${v.team?.id} ${v.person.userId}`))
      .map((v) => ({
        tenantId,
        organisationId: v.team?.id,
        userId: v.person.userId,
        role: 'member',
        joinedAt: new Date(Math.min(v.joinedAt.getTime() + 3 * DAY, now.getTime())),
      })),
  );
}
