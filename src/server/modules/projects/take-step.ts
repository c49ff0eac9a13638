import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { apply } from '../../platform/state-machine.js';
import { transitionRow } from '../../platform/state-machine-db.js';
import { getProject } from './get-project.js';
import type { ProjectEvent, ProjectRow, ProjectViewer } from './machine.js';
import { projectMachine } from './machine.js';
import { projectReviews, projects } from './schema.js';
import { loadProjectFor } from './viewer.js';

export interface StepSpec {
  /** The event to take, chosen from what the project and the caller are now. */
  event: (project: ProjectRow, viewer: ProjectViewer) => ProjectEvent;
  comment?: string | null;
  /** Columns this step writes besides the state. */
  writes: (project: ProjectRow, now: Date) => Partial<ProjectRow>;
  /** Checks before the machine's guard (clearer refusals: the window, missing fields). */
  check?: (db: Db, project: ProjectRow) => Promise<void>;
}

/** One step of a project as the signed-in caller: guard, conditional write, review record, audit. */
export async function takeStep(ctx: Ctx, id: string, spec: StepSpec) {
  const { actor, project, viewer } = await loadProjectFor(ctx, id);
  const now = new Date();
  const event = spec.event(project, viewer);
  const step = apply(projectMachine, { project, viewer }, event, actor, now);
  await spec.check?.(ctx.db, project);
  const where = and(
    eq(projects.tenantId, project.tenantId),
    eq(projects.id, project.id),
    eq(projects.version, project.version),
  );
  const extra = { ...spec.writes(project, now), version: project.version + 1, updatedAt: now };
  await ctx.db.transaction(async (tx) => {
    const row = await transitionRow(tx, projects, where, projectMachine, step as never, extra).catch(
      async (err: unknown) => {
        const [current] = await tx
          .select({ version: projects.version })
          .from(projects)
          .where(and(eq(projects.tenantId, project.tenantId), eq(projects.id, project.id)));
        if (current && current.version !== project.version) throw new AppError('CONFLICT');
        throw err;
      },
    );
    const reviewerStep = ['pass', 'approve', 'return', 'reject'].includes(event);
    await tx.insert(projectReviews).values({
      tenantId: project.tenantId,
      projectId: project.id,
      decision: event,
      regionCode: reviewerStep ? project.reviewRegionCode : null,
      fromState: step.from,
      toState: step.to,
      comment: spec.comment ?? null,
      actorUserId: actor.userId,
      actorName: actor.displayName,
      at: now,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: `project.${event}`,
      entityType: 'project',
      entityId: row.id,
      regionCode: row.regionCode,
      detail: { from: step.from, to: step.to, reviewRegion: project.reviewRegionCode, comment: spec.comment ?? null },
    });
  });
  return getProject(ctx, id);
}
