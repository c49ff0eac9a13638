import { and, eq } from 'drizzle-orm';
import { type Actor, inScope, regionScope, staffRoles } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { organisationAccess } from '../organisations/index.js';
import type { ProjectRow, ProjectViewer } from './machine.js';
import { reviewChain } from './review-chain.js';
import { libraryStates, projects } from './schema.js';

/** Manages the organisation: its leader or an admin member, or an org_admin grant for it. */
export async function managesOrganisation(db: Db, actor: Actor, org: { id: string; regionCode: string }) {
  if (actor.grants.some((g) => g.role === 'org_admin' && g.organisationId === org.id)) return true;
  const access = await organisationAccess(db, actor, org);
  return access.memberRole === 'leader' || access.memberRole === 'admin';
}

export async function viewerOf(db: Db, actor: Actor | null, project: ProjectRow): Promise<ProjectViewer> {
  const none = { isApplicant: false, staffInScope: false, reviewerNow: false, finalStep: false, topStaff: false };
  if (!actor) return none;
  const chain = reviewChain(project.regionCode, project.level);
  const top = chain[chain.length - 1] as string;
  const review = project.state === 'submitted' ? project.reviewRegionCode : null;
  return {
    isApplicant: await managesOrganisation(db, actor, { id: project.organisationId, regionCode: project.regionCode }),
    staffInScope: inScope(actor, project.regionCode),
    reviewerNow: review !== null && actor.grants.some((g) => staffRoles.includes(g.role) && g.regionCode === review),
    finalStep: review === top,
    topStaff: regionScope(actor).some((root) => top.startsWith(root)),
  };
}

/** The applicant sees everything; staff in scope once it is submitted (a draft is the organisation's own). */
export const mayReadAll = (v: ProjectViewer, p: ProjectRow) => v.isApplicant || (v.staffInScope && p.state !== 'draft');
export const isPublic = (p: ProjectRow) => (libraryStates as readonly string[]).includes(p.state);

export async function findProject(db: Db, tenantId: string, id: string): Promise<ProjectRow | null> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)));
  return row ?? null;
}

/** The project with everything the caller may see of it; NOT_FOUND for a stranger's draft or review. */
export async function loadProjectFor(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const project = await findProject(ctx.db, actor.tenantId, id);
  if (!project) throw new AppError('NOT_FOUND');
  const viewer = await viewerOf(ctx.db, actor, project);
  if (!mayReadAll(viewer, project)) throw new AppError('NOT_FOUND');
  return { actor, project, viewer };
}
