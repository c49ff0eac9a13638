import { and, eq, sql } from 'drizzle-orm';
import { regionScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { preparedPerShape } from '../../platform/prepared.js';
import { tenants } from '../../platform/tenants-schema.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { users } from './schema.js';

type Place = { code: string; name: string; level: (typeof regions.$inferSelect)['level'] };
type Org = { id: string; name: string };
const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The profile, the tenant's time zone and the names of the places and organisations of the grants, in one prepared round trip. */
function prepareMe(db: Db) {
  return db
    .select({
      id: users.id,
      phone: users.phone,
      displayName: users.displayName,
      mustChangePassword: users.mustChangePassword,
      timeZone: sql<string>`(select ${tenants.timezone} from ${tenants} where ${tenants.id} = ${users.tenantId})`,
      places: sql<Place[] | string>`(select coalesce(json_agg(json_build_object(
          'code', ${regions.code}, 'name', ${regions.shortName}, 'level', ${regions.level})), '[]')
        from ${regions} where ${regions.tenantId} = ${users.tenantId}
          and ${regions.code} = any(string_to_array(${sql.placeholder('regionCodes')}, ',')))`,
      orgs: sql<Org[] | string>`(select coalesce(json_agg(json_build_object(
          'id', ${organisations.id}, 'name', ${organisations.name})), '[]')
        from ${organisations} where ${organisations.tenantId} = ${users.tenantId}
          and ${organisations.id} = any(string_to_array(${sql.placeholder('orgIds')}, ',')::uuid[]))`,
    })
    .from(users)
    .where(and(eq(users.tenantId, sql.placeholder('tenantId')), eq(users.id, sql.placeholder('userId'))))
    .prepare('get_me');
}

const meQuery = preparedPerShape(prepareMe);

/** Who is signed in: profile, role grants with the names of their places, and the staff scope. */
export async function getMe(ctx: Ctx) {
  const actor = requireActor(ctx);
  const regionCodes = [...new Set(actor.grants.map((g) => g.regionCode).filter((c): c is string => !!c))];
  const orgIds = [...new Set(actor.grants.map((g) => g.organisationId).filter((c): c is string => !!c))];
  const [user] = await meQuery(ctx.db).execute({
    tenantId: actor.tenantId,
    userId: actor.userId,
    regionCodes: regionCodes.join(','),
    orgIds: orgIds.join(','),
  });
  if (!user) throw new AppError('UNAUTHENTICATED');
  const regionByCode = new Map(parse(user.places).map((r) => [r.code, r]));
  const orgById = new Map(parse(user.orgs).map((o) => [o.id, o]));

  return {
    id: user.id,
    phone: user.phone,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    tenantId: actor.tenantId,
    timeZone: user.timeZone,
    roles: actor.grants.map((g) => ({
      role: g.role,
      region: g.regionCode ? (regionByCode.get(g.regionCode) ?? null) : null,
      organisation: g.organisationId ? (orgById.get(g.organisationId) ?? null) : null,
    })),
    scope: regionScope(actor).map(
      (code) => regionByCode.get(code) ?? { code, name: code, level: 'community' as const },
    ),
  };
}
