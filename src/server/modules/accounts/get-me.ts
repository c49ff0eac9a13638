import { and, eq, inArray } from 'drizzle-orm';
import { regionScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { users } from './schema.js';

/** Who is signed in: profile, role grants with the names of their places, and the staff scope. */
export async function getMe(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db
    .select({
      id: users.id,
      phone: users.phone,
      displayName: users.displayName,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
  if (!user) throw new AppError('UNAUTHENTICATED');

  const regionCodes = [...new Set(actor.grants.map((g) => g.regionCode).filter((c): c is string => !!c))];
  const orgIds = [...new Set(actor.grants.map((g) => g.organisationId).filter((c): c is string => !!c))];
  const regionRows = regionCodes.length
    ? await ctx.db
        .select({ code: regions.code, name: regions.shortName, level: regions.level })
        .from(regions)
        .where(and(eq(regions.tenantId, actor.tenantId), inArray(regions.code, regionCodes)))
    : [];
  const orgRows = orgIds.length
    ? await ctx.db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(and(eq(organisations.tenantId, actor.tenantId), inArray(organisations.id, orgIds)))
    : [];
  const regionByCode = new Map(regionRows.map((r) => [r.code, r]));
  const orgById = new Map(orgRows.map((o) => [o.id, o]));

  return {
    id: user.id,
    phone: user.phone,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    tenantId: actor.tenantId,
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
