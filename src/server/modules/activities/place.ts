import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { fieldError } from '../../platform/errors.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { serviceCategories } from '../service-menu/index.js';
import { findSite } from '../sites/index.js';
import { skills } from '../volunteers/index.js';
import { ruleProblem } from './recurrence.js';

export interface PlaceInput {
  siteId?: string | null;
  address?: string;
  lng?: number;
  lat?: number;
  regionCode?: string;
}

/** Where an activity happens: a located site, or an address with a point in a region of the tenant. */
export async function resolvePlace(db: Db, tenantId: string, input: PlaceInput) {
  if (input.siteId) {
    const site = await findSite(db, tenantId, input.siteId);
    if (!site) throw fieldError('body.siteId', '未找到该阵地', 'No such site');
    if (site.lng === null || site.lat === null)
      throw fieldError('body.siteId', '该阵地尚未标注位置，请先在地图上标注', 'This site has no location yet');
    return {
      siteId: site.id,
      address: input.address ?? site.address ?? site.name,
      lng: site.lng,
      lat: site.lat,
      regionCode: site.regionCode,
    };
  }
  if (!input.address || input.lng === undefined || input.lat === undefined || !input.regionCode)
    throw fieldError(
      'body.siteId',
      '请选择阵地，或填写地址并在地图上选点',
      'Choose a site, or give an address and a map point',
    );
  const [region] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.code, input.regionCode)));
  if (!region) throw fieldError('body.regionCode', '未找到该区划', 'No such region');
  return { siteId: null, address: input.address, lng: input.lng, lat: input.lat, regionCode: input.regionCode };
}

/** Checks the references an activity's fields make: category, organisation, skills, rule. */
export async function checkReferences(
  db: Db,
  tenantId: string,
  input: { categoryCode?: string; organisationId?: string; requiredSkills?: string[]; rrule?: string | null },
) {
  if (input.categoryCode) {
    const [c] = await db
      .select({ code: serviceCategories.code })
      .from(serviceCategories)
      .where(and(eq(serviceCategories.tenantId, tenantId), eq(serviceCategories.code, input.categoryCode)));
    if (!c) throw fieldError('body.categoryCode', '未找到该服务类别', 'No such category');
  }
  if (input.organisationId) {
    const [o] = await db
      .select({ status: organisations.status })
      .from(organisations)
      .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, input.organisationId)));
    if (!o) throw fieldError('body.organisationId', '未找到该组织', 'No such organisation');
    if (o.status !== 'active')
      throw fieldError('body.organisationId', '该组织已停用', 'This organisation is not active');
  }
  if (input.requiredSkills?.length) {
    const found = await db
      .select({ code: skills.code })
      .from(skills)
      .where(and(eq(skills.tenantId, tenantId), inArray(skills.code, input.requiredSkills)));
    const missing = input.requiredSkills.filter((s) => !found.some((f) => f.code === s));
    if (missing.length) throw fieldError('body.requiredSkills', `未知的技能：${missing.join('、')}`, 'Unknown skills');
  }
  if (input.rrule) {
    const problem = ruleProblem(input.rrule);
    if (problem)
      throw fieldError(
        'body.rrule',
        problem === 'frequency' ? '重复规则只支持按天、周、月、年' : '重复规则格式有误（示例：FREQ=WEEKLY;BYDAY=SA）',
        problem === 'frequency'
          ? 'Only daily, weekly, monthly or yearly rules'
          : 'Invalid recurrence rule (e.g. FREQ=WEEKLY;BYDAY=SA)',
      );
  }
}
