import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { fieldError } from '../../platform/errors.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { skills as skillTable } from '../volunteers/index.js';
import { serviceCategories } from './schema.js';

/** Checks the references of a menu item: the category, the skills, the served areas (in the caller's scope). */
export async function checkItemReferences(
  db: Db,
  actor: Actor,
  input: { categoryCode?: string; requiredSkills?: string[]; areaCodes?: string[] },
) {
  const tenantId = actor.tenantId;
  if (input.categoryCode) {
    const [c] = await db
      .select({ code: serviceCategories.code })
      .from(serviceCategories)
      .where(and(eq(serviceCategories.tenantId, tenantId), eq(serviceCategories.code, input.categoryCode)));
    if (!c) throw fieldError('body.categoryCode', '没有这个服务类别', 'No such category');
  }
  const skills = [...new Set(input.requiredSkills ?? [])];
  if (skills.length) {
    const found = await db
      .select({ code: skillTable.code })
      .from(skillTable)
      .where(and(eq(skillTable.tenantId, tenantId), inArray(skillTable.code, skills)));
    const missing = skills.find((s) => !found.some((f) => f.code === s));
    if (missing) throw fieldError('body.requiredSkills', `没有技能「${missing}」`, `No skill "${missing}"`);
  }
  const areas = [...new Set(input.areaCodes ?? [])];
  if (areas.length) {
    const outside = areas.find((a) => !inScope(actor, a));
    if (outside)
      throw fieldError(
        'body.areaCodes',
        `服务区域 ${outside} 不在您的管辖范围内`,
        `Area ${outside} is outside your scope`,
      );
    const found = await db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.tenantId, tenantId), inArray(regions.code, areas)));
    const missing = areas.find((a) => !found.some((f) => f.code === a));
    if (missing) throw fieldError('body.areaCodes', `没有行政区划 ${missing}`, `No region ${missing}`);
  }
}

export async function findOrganisation(db: Db, tenantId: string, id: string) {
  const [org] = await db
    .select({ id: organisations.id, regionCode: organisations.regionCode })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, id)));
  return org ?? null;
}
