/** Loading one volunteer with everything a profile page shows, and the shapes each audience may see. */
import { and, asc, desc, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { maskIdNumber } from '../../../shared/id-card.js';
import { maskPhone } from '../../../shared/phone.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { piiFor } from '../../platform/pii.js';
import { users } from '../accounts/index.js';
import { regions } from '../regions/index.js';
import { guardianOf } from './minors.js';
import { fromMinute } from './profile-refs.js';
import {
  skills,
  volunteerAvailability,
  volunteerConsents,
  volunteerServiceAreas,
  volunteerSkills,
  volunteers,
} from './schema.js';

const volunteerColumns = () => ({
  id: volunteers.id,
  userId: volunteers.userId,
  number: volunteers.number,
  name: volunteers.name,
  phone: users.phone,
  idNumberSealed: volunteers.idNumberSealed,
  gender: volunteers.gender,
  birthYear: volunteers.birthYear,
  regionCode: volunteers.regionCode,
  regionName: regions.shortName,
  status: volunteers.status,
  statusReason: volunteers.statusReason,
  registeredVia: volunteers.registeredVia,
  address: volunteers.address,
  intro: volunteers.intro,
  createdAt: volunteers.createdAt,
  updatedAt: volunteers.updatedAt,
});
type VolunteerColumns = ReturnType<typeof volunteerColumns>;

export type VolunteerRow = {
  [K in keyof VolunteerColumns]: VolunteerColumns[K]['_']['data'] extends infer D
    ? VolunteerColumns[K]['_']['notNull'] extends true
      ? D
      : D | null
    : never;
};

const withAccount = () => and(eq(users.tenantId, volunteers.tenantId), eq(users.id, volunteers.userId));
const withHomeRegion = () => and(eq(regions.tenantId, volunteers.tenantId), eq(regions.code, volunteers.regionCode));

/** Volunteers joined with their account (phone) and home region; `where` narrows. */
export function selectVolunteers(db: Db, tenantId: string, where: SQL | undefined) {
  return db
    .select(volunteerColumns())
    .from(volunteers)
    .innerJoin(users, withAccount())
    .innerJoin(regions, withHomeRegion())
    .where(and(eq(volunteers.tenantId, tenantId), where));
}

export type SkillRef = { code: string; name: string };

/** The rows of `selectVolunteers` with each volunteer's skills (by the skills' order) as a JSON sub-select: a page in one statement. */
export function selectVolunteersWithSkills(db: Db, tenantId: string | SQLWrapper, where: SQL | undefined) {
  const skillList = sql<
    SkillRef[] | string
  >`(select coalesce(json_agg(json_build_object('code', ${skills.code}, 'name', ${skills.name}) order by ${skills.sort}), '[]')
    from ${volunteerSkills} join ${skills} on ${skills.tenantId} = ${volunteerSkills.tenantId} and ${skills.code} = ${volunteerSkills.skillCode}
    where ${volunteerSkills.tenantId} = ${volunteers.tenantId} and ${volunteerSkills.volunteerId} = ${volunteers.id})`;
  return db
    .select({ ...volunteerColumns(), skills: skillList })
    .from(volunteers)
    .innerJoin(users, withAccount())
    .innerJoin(regions, withHomeRegion())
    .where(and(eq(volunteers.tenantId, tenantId), where));
}

/**
 * The same rows as `selectVolunteers`, ids only (for counting). Every volunteer has an account
 * (foreign key), so the join with users is left out: counting 100,001 ids at 1M volunteers took
 * 3.3 s merging them with every account, 0.2 s without.
 */
export function selectVolunteerIds(db: Db, tenantId: string, where: SQL | undefined) {
  return db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, tenantId), where));
}

/** Skills per volunteer, for a page of volunteers. */
export async function skillsOf(db: Db, tenantId: string, ids: string[]) {
  const out = new Map<string, SkillRef[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ volunteerId: volunteerSkills.volunteerId, code: skills.code, name: skills.name })
    .from(volunteerSkills)
    .innerJoin(skills, and(eq(skills.tenantId, volunteerSkills.tenantId), eq(skills.code, volunteerSkills.skillCode)))
    .where(and(eq(volunteerSkills.tenantId, tenantId), inArray(volunteerSkills.volunteerId, ids)))
    .orderBy(asc(skills.sort));
  for (const r of rows) {
    const list = out.get(r.volunteerId) ?? [];
    list.push({ code: r.code, name: r.name });
    out.set(r.volunteerId, list);
  }
  return out;
}

/** Opens sealed ID numbers of one tenant. Nothing in clear is stored from which a number could be rebuilt. */
export type Unseal = (sealed: string) => string;
export function unsealer(ctx: Pick<Ctx, 'config' | 'tenantId'>): Unseal {
  const pii = piiFor(ctx.config);
  return (sealed) => pii.decrypt(sealed, ctx.tenantId);
}

export function presentSummary(row: VolunteerRow, skillList: SkillRef[], unseal: Unseal) {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    idNumberMasked: maskIdNumber(unseal(row.idNumberSealed)),
    gender: row.gender,
    region: { code: row.regionCode, name: row.regionName },
    status: row.status,
    skills: skillList,
    registeredVia: row.registeredVia,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The full profile shape shared by the staff view and the owner's view (no clear ID number here). */
export async function presentProfile(ctx: Pick<Ctx, 'db' | 'config' | 'tenantId'>, row: VolunteerRow) {
  const { db, tenantId } = ctx;
  // Sequential on purpose: `db` may be a transaction, which runs one query at a time.
  const skillMap = await skillsOf(db, tenantId, [row.id]);
  const availability = await db
    .select()
    .from(volunteerAvailability)
    .where(and(eq(volunteerAvailability.tenantId, tenantId), eq(volunteerAvailability.volunteerId, row.id)))
    .orderBy(asc(volunteerAvailability.weekday), asc(volunteerAvailability.startMinute));
  const areas = await db
    .select({ code: regions.code, name: regions.shortName })
    .from(volunteerServiceAreas)
    .innerJoin(
      regions,
      and(eq(regions.tenantId, volunteerServiceAreas.tenantId), eq(regions.code, volunteerServiceAreas.regionCode)),
    )
    .where(and(eq(volunteerServiceAreas.tenantId, tenantId), eq(volunteerServiceAreas.volunteerId, row.id)))
    .orderBy(asc(regions.code));
  const [consent] = await db
    .select({ version: volunteerConsents.version, acceptedAt: volunteerConsents.acceptedAt })
    .from(volunteerConsents)
    .where(and(eq(volunteerConsents.tenantId, tenantId), eq(volunteerConsents.volunteerId, row.id)))
    .orderBy(desc(volunteerConsents.acceptedAt))
    .limit(1);
  return {
    ...presentSummary(row, skillMap.get(row.id) ?? [], unsealer(ctx)),
    phone: row.phone,
    statusReason: row.statusReason,
    birthYear: row.birthYear,
    availability: availability.map((a) => ({
      weekday: a.weekday,
      start: fromMinute(a.startMinute),
      end: fromMinute(a.endMinute),
    })),
    serviceAreas: areas,
    consent: consent ? { version: consent.version, acceptedAt: consent.acceptedAt.toISOString() } : null,
    guardian: await guardianOf(ctx, row.id),
    address: row.address,
    intro: row.intro,
    updatedAt: row.updatedAt.toISOString(),
  };
}
