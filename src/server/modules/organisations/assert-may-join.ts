import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { volunteers } from '../volunteers/index.js';

/**
 * May this user join a volunteer team (or head a volunteer family)? Only a registered volunteer
 * whose profile is active: none at all is NOT_A_VOLUNTEER; pending review or suspended is
 * VOLUNTEER_NOT_ACTIVE. Every caller (join, approve, accept an invitation, create a family) goes
 * through here, so this is the one place to change the rule.
 */
export async function assertMayJoin(ctx: Ctx, userId: string): Promise<void> {
  const [profile] = await ctx.db
    .select({ status: volunteers.status })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, ctx.tenantId), eq(volunteers.userId, userId)));
  if (!profile) throw new AppError('NOT_A_VOLUNTEER');
  if (profile.status !== 'active') throw new AppError('VOLUNTEER_NOT_ACTIVE');
}
