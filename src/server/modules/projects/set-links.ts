import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { activities } from '../activities/index.js';
import { menuItems } from '../service-menu/index.js';
import type { linksBody } from './contract.js';
import { getProject } from './get-project.js';
import { projectActivities, projectMenuItems } from './schema.js';
import { loadProjectFor } from './viewer.js';

/**
 * The activities (of the applying organisation) and service-menu items a project runs: its results
 * are computed from their records. Replaces the lists; the applicant or staff in scope.
 */
export async function setLinks(ctx: Ctx, id: string, body: z.output<typeof linksBody>) {
  const { project, viewer } = await loadProjectFor(ctx, id);
  if (!viewer.isApplicant && !viewer.staffInScope) throw new AppError('NOT_FOUND');
  const activityIds = [...new Set(body.activityIds)];
  const menuItemIds = [...new Set(body.menuItemIds)];
  const tenantId = project.tenantId;
  const acts = activityIds.length
    ? await ctx.db
        .select({ id: activities.id })
        .from(activities)
        .where(
          and(
            eq(activities.tenantId, tenantId),
            inArray(activities.id, activityIds),
            eq(activities.organisationId, project.organisationId),
          ),
        )
    : [];
  if (acts.length !== activityIds.length)
    throw fieldError(
      'body.activityIds',
      '活动不存在或不属于申报组织',
      'An activity is missing or not of the organisation',
    );
  const items = menuItemIds.length
    ? await ctx.db
        .select({ id: menuItems.id })
        .from(menuItems)
        .where(and(eq(menuItems.tenantId, tenantId), inArray(menuItems.id, menuItemIds)))
    : [];
  if (items.length !== menuItemIds.length) throw fieldError('body.menuItemIds', '服务项目不存在', 'No such menu item');
  await ctx.db.transaction(async (tx) => {
    const mine = (t: typeof projectActivities | typeof projectMenuItems) =>
      and(eq(t.tenantId, tenantId), eq(t.projectId, project.id));
    await tx.delete(projectActivities).where(mine(projectActivities));
    await tx.delete(projectMenuItems).where(mine(projectMenuItems));
    if (activityIds.length)
      await tx
        .insert(projectActivities)
        .values(activityIds.map((activityId) => ({ tenantId, projectId: project.id, activityId })));
    if (menuItemIds.length)
      await tx
        .insert(projectMenuItems)
        .values(menuItemIds.map((menuItemId) => ({ tenantId, projectId: project.id, menuItemId })));
    await writeAudit(tx, auditContext(ctx), {
      action: 'project.links',
      entityType: 'project',
      entityId: project.id,
      regionCode: project.regionCode,
      detail: { activityIds, menuItemIds },
    });
  });
  return getProject(ctx, id);
}
