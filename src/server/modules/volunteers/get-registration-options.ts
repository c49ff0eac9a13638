import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.js';
import { regions } from '../regions/index.js';
import { CURRENT_CONSENT_VERSION } from './contract.js';
import { readAgeRules } from './minors.js';
import { skills } from './schema.js';

/** What the public registration form needs: the agreement version, the skill list and the communities. */
export async function getRegistrationOptions(ctx: Ctx) {
  const parent = alias(regions, 'parent');
  const skillRows = await ctx.db
    .select({ code: skills.code, name: skills.name })
    .from(skills)
    .where(and(eq(skills.tenantId, ctx.tenantId), eq(skills.active, true)))
    .orderBy(asc(skills.sort), asc(skills.code));
  const communities = await ctx.db
    .select({ code: regions.code, name: regions.shortName, subdistrict: parent.shortName })
    .from(regions)
    .innerJoin(parent, and(eq(parent.tenantId, regions.tenantId), eq(parent.code, regions.parentCode)))
    .where(and(eq(regions.tenantId, ctx.tenantId), eq(regions.level, 'community')))
    .orderBy(asc(regions.sort));
  const ageRules = { ...(await readAgeRules(ctx.db, ctx.tenantId)), timeZone: 'Asia/Shanghai' };
  return { consentVersion: CURRENT_CONSENT_VERSION, ageRules, skills: skillRows, communities };
}
