import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { organisations } from '../organisations/index.js';
import type { createProjectBody, updateProjectBody } from './contract.js';
import { getProject } from './get-project.js';
import { findCall } from './list-calls.js';
import { regionNames } from './present.js';
import { brandSeries, brands, projects } from './schema.js';
import { loadProjectFor, managesOrganisation } from './viewer.js';

type Fields = z.output<typeof updateProjectBody>;

/** The brand, series and regions a draft names must exist (and the series be the brand's). */
async function checkReferences(db: Db, tenantId: string, fields: Fields, current?: { brandId: string | null }) {
  const brandId = fields.brandId === undefined ? (current?.brandId ?? null) : fields.brandId;
  if (fields.brandId) {
    const [b] = await db
      .select({ id: brands.id })
      .from(brands)
      .where(and(eq(brands.tenantId, tenantId), eq(brands.id, fields.brandId)));
    if (!b) throw fieldError('body.brandId', '品牌不存在', 'No such brand');
  }
  if (fields.seriesId) {
    const [s] = await db
      .select({ brandId: brandSeries.brandId })
      .from(brandSeries)
      .where(and(eq(brandSeries.tenantId, tenantId), eq(brandSeries.id, fields.seriesId)));
    if (!s || s.brandId !== brandId)
      throw fieldError('body.seriesId', '该系列不属于所选品牌', 'The series is not one of the brand');
  }
  if (fields.regionsServed?.length) {
    const known = await regionNames(db, tenantId, fields.regionsServed);
    if (known.size !== new Set(fields.regionsServed).size)
      throw fieldError('body.regionsServed', '服务区域不存在', 'Unknown region');
  }
}

/** An organisation the caller manages starts a project for a call: a draft, saved, not yet submitted. */
export async function createProject(ctx: Ctx, body: z.output<typeof createProjectBody>) {
  const actor = requireActor(ctx);
  const call = await findCall(ctx.db, actor.tenantId, body.callId);
  if (!call) throw new AppError('NOT_FOUND');
  const [org] = await ctx.db
    .select()
    .from(organisations)
    .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, body.organisationId)));
  if (!org || !(await managesOrganisation(ctx.db, actor, org))) throw new AppError('NOT_FOUND');
  if (call.eligibleKinds.length && !call.eligibleKinds.includes(org.kind)) throw new AppError('PROJECT_NOT_ELIGIBLE');
  if (call.closesAt <= new Date()) throw new AppError('PROJECT_CALL_CLOSED');
  await checkReferences(ctx.db, actor.tenantId, body);
  const { callId: _c, organisationId: _o, ...fields } = body;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({
        ...fields,
        brandId: fields.brandId ?? null,
        seriesId: fields.seriesId ?? null,
        tenantId: actor.tenantId,
        callId: call.id,
        organisationId: org.id,
        regionCode: org.regionCode,
        level: call.level,
        year: call.year,
        createdBy: actor.userId,
      })
      .returning({ id: projects.id });
    if (!row) throw new Error('insert failed');
    await writeAudit(tx, auditContext(ctx), {
      action: 'project.create',
      entityType: 'project',
      entityId: row.id,
      regionCode: org.regionCode,
      detail: { name: fields.name, callId: call.id },
    });
    return row.id;
  });
  return getProject(ctx, id);
}

/** The applicant edits a draft or a project returned for revision. */
export async function updateProject(ctx: Ctx, id: string, body: Fields) {
  const { project, viewer } = await loadProjectFor(ctx, id);
  if (!viewer.isApplicant) throw new AppError('FORBIDDEN');
  if (project.state !== 'draft' && project.state !== 'returned') throw new AppError('PROJECT_NOT_EDITABLE');
  await checkReferences(ctx.db, project.tenantId, body, project);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(projects)
      .set({ ...body, version: project.version + 1, updatedAt: now })
      .where(
        and(
          eq(projects.tenantId, project.tenantId),
          eq(projects.id, project.id),
          eq(projects.version, project.version),
        ),
      )
      .returning({ id: projects.id });
    if (!row) throw new AppError('CONFLICT');
    await writeAudit(tx, auditContext(ctx), {
      action: 'project.update',
      entityType: 'project',
      entityId: project.id,
      regionCode: project.regionCode,
      detail: { fields: Object.keys(body) },
    });
  });
  return getProject(ctx, id);
}
