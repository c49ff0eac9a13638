import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { activities } from '../activities/index.js';
import { menuItems } from '../service-menu/index.js';
import type { projectDetail } from './contract.js';
import { findCall, isOpen } from './list-calls.js';
import { actionsFor, type ProjectRow, type ProjectViewer, projectMachine } from './machine.js';
import { loadNames, presentItem, regionNames } from './present.js';
import { computeResults, projectScope } from './results.js';
import { reviewChain } from './review-chain.js';
import { projectReviews } from './schema.js';
import { findProject, isPublic, loadProjectFor, mayReadAll, viewerOf } from './viewer.js';

async function reviewsOf(db: Db, project: ProjectRow) {
  return db
    .select()
    .from(projectReviews)
    .where(and(eq(projectReviews.tenantId, project.tenantId), eq(projectReviews.projectId, project.id)))
    .orderBy(asc(projectReviews.at), asc(projectReviews.id));
}

async function linked(db: Db, project: ProjectRow) {
  const scope = await projectScope(db, project.tenantId, [project.id]);
  const [acts, items] = await Promise.all([
    scope.activityIds.length
      ? db
          .select({ id: activities.id, title: activities.title, state: activities.state })
          .from(activities)
          .where(and(eq(activities.tenantId, project.tenantId), inArray(activities.id, scope.activityIds)))
          .orderBy(asc(activities.title))
      : [],
    scope.menuItemIds.length
      ? db
          .select({ id: menuItems.id, name: menuItems.title })
          .from(menuItems)
          .where(and(eq(menuItems.tenantId, project.tenantId), inArray(menuItems.id, scope.menuItemIds)))
          .orderBy(asc(menuItems.title))
      : [],
  ]);
  return { activities: acts, menuItems: items };
}

/** The project page: what everyone sees of it, plus contact and review history for the parties. */
export async function presentDetail(
  db: Db,
  project: ProjectRow,
  viewer: ProjectViewer,
  actor: Actor | null,
): Promise<z.output<typeof projectDetail>> {
  const full = mayReadAll(viewer, project);
  const chain = reviewChain(project.regionCode, project.level);
  const [call, names, reviews, links, results] = await Promise.all([
    findCall(db, project.tenantId, project.callId),
    loadNames(db, project.tenantId, [project]),
    full ? reviewsOf(db, project) : [],
    linked(db, project),
    computeResults(db, project.tenantId, [project.id]),
  ]);
  if (!call) throw new AppError('NOT_FOUND');
  const places = await regionNames(db, project.tenantId, [
    ...chain,
    ...project.regionsServed,
    ...reviews.map((r) => r.regionCode ?? ''),
  ]);
  const place = (code: string) => ({ code, name: places.get(code) ?? code });
  const can = actionsFor(project, viewer, actor);
  return {
    ...presentItem(project, names),
    call: { id: call.id, title: call.title, closesAt: call.closesAt.toISOString(), open: isOpen(call) },
    objectives: project.objectives,
    beneficiaries: project.beneficiaries,
    contactName: project.contactName,
    contactPhone: full ? project.contactPhone : null,
    regionsServed: project.regionsServed.map(place),
    plan: project.plan,
    expectedOutputs: project.expectedOutputs,
    reviewChain: chain.map(place),
    reviews: reviews.map((r) => ({
      decision: r.decision,
      label: projectMachine.events[r.decision as keyof typeof projectMachine.events]?.label ?? {
        zh: r.decision,
        en: r.decision,
      },
      regionName: r.regionCode ? (places.get(r.regionCode) ?? r.regionCode) : null,
      fromState: r.fromState,
      toState: r.toState,
      comment: r.comment,
      actorName: r.actorName,
      at: r.at.toISOString(),
    })),
    activities: links.activities,
    menuItems: links.menuItems,
    results,
    actions: { ...can, edit: viewer.isApplicant && (project.state === 'draft' || project.state === 'returned') },
  };
}

/** The applicant's or staff's view of one project (404 for anyone else, whatever its state). */
export async function getProject(ctx: Ctx, id: string) {
  const { actor, project, viewer } = await loadProjectFor(ctx, id);
  return presentDetail(ctx.db, project, viewer, actor);
}

/** The public project page: library projects only. */
export async function getLibraryProject(ctx: Ctx, id: string) {
  const project = await findProject(ctx.db, ctx.tenantId, id);
  if (!project || !isPublic(project)) throw new AppError('NOT_FOUND');
  const viewer = await viewerOf(ctx.db, ctx.actor, project);
  const publicViewer = { ...viewer, isApplicant: false, staffInScope: false };
  return presentDetail(ctx.db, project, publicViewer, ctx.actor);
}
