import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { maskIdNumber } from '../../../shared/id-card.js';
import { maskPhone } from '../../../shared/phone.js';
import { scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { regions } from '../regions/index.js';
import { numberOrder, type VolunteerFilter, volunteerFilterCondition } from './list-volunteers.js';
import { selectVolunteerIds, selectVolunteers, skillsOf, unsealer } from './read-volunteer.js';
import { skills } from './schema.js';
import { buildExport, buildImportTemplate } from './volunteer-sheet.js';

const MAX_EXPORT = 100_000;
const statusZh = { pending: '待审核', active: '正常', suspended: '暂停' } as const;
const channelZh = { online: '网上注册', desk: '现场登记', import: '批量导入' } as const;
const genderZh = { male: '男', female: '女' } as const;

function shanghaiTime(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** Volunteers in scope as .xlsx, phone and ID number masked. Exporting personal data is audited. */
export async function exportVolunteers(ctx: Ctx, filter: VolunteerFilter): Promise<Buffer> {
  const actor = requireActor(ctx);
  const where = volunteerFilterCondition(ctx, filter);
  // Count (at most one past the limit) before loading anything: a refused export costs no memory.
  const bounded = selectVolunteerIds(ctx.db, ctx.tenantId, where)
    .limit(MAX_EXPORT + 1)
    .as('bounded');
  const [counted] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(bounded);
  if ((counted?.n ?? 0) > MAX_EXPORT)
    throw new AppError('VALIDATION_FAILED', [
      {
        field: 'query',
        message: `一次最多导出${MAX_EXPORT}名志愿者，请按区域或状态筛选后分批导出`,
        messageEn: `At most ${MAX_EXPORT} volunteers per export; narrow the filter`,
      },
    ]);
  const rows = await selectVolunteers(ctx.db, ctx.tenantId, where).orderBy(desc(numberOrder)).limit(MAX_EXPORT);
  const skillMap = new Map<string, { name: string }[]>();
  for (let i = 0; i < rows.length; i += 5000) {
    const part = await skillsOf(
      ctx.db,
      ctx.tenantId,
      rows.slice(i, i + 5000).map((r) => r.id),
    );
    for (const [k, v] of part) skillMap.set(k, v);
  }
  const unseal = unsealer(ctx);
  const file = await buildExport(
    rows.map((r) => ({
      number: r.number,
      name: r.name,
      gender: genderZh[r.gender],
      phone: maskPhone(r.phone),
      idNumber: maskIdNumber(unseal(r.idNumberSealed)),
      region: r.regionName,
      skills: (skillMap.get(r.id) ?? []).map((s) => s.name).join('、'),
      status: statusZh[r.status],
      channel: channelZh[r.registeredVia],
      createdAt: shanghaiTime(r.createdAt),
    })),
  );
  await writeAudit(ctx.db, auditContext(ctx), {
    action: 'volunteer.export',
    entityType: 'volunteer',
    regionCode: filter.regionCode ?? null,
    detail: { count: rows.length, filter, scope: actor.grants.map((g) => g.regionCode).filter(Boolean) },
  });
  return file;
}

/** The import template, with the tenant's skills and the communities in the caller's scope. */
export async function getImportTemplate(ctx: Ctx): Promise<Buffer> {
  const actor = requireActor(ctx);
  const parent = alias(regions, 'parent');
  const skillRows = await ctx.db
    .select({ name: skills.name })
    .from(skills)
    .where(and(eq(skills.tenantId, ctx.tenantId), eq(skills.active, true)))
    .orderBy(asc(skills.sort));
  const communities = await ctx.db
    .select({ code: regions.code, name: regions.shortName, subdistrict: parent.shortName })
    .from(regions)
    .innerJoin(parent, and(eq(parent.tenantId, regions.tenantId), eq(parent.code, regions.parentCode)))
    .where(and(eq(regions.tenantId, ctx.tenantId), eq(regions.level, 'community'), scopeCondition(actor, regions.code)))
    .orderBy(asc(regions.sort));
  return buildImportTemplate({ skills: skillRows, communities });
}
