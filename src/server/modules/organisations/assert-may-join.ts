import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { roleGrants } from '../accounts/schema.js';

/**
 * HOOK for the volunteers module: may this user join a volunteer team (or head a volunteer family)?
 *
 * The volunteers module (real-name profile, volunteer number) is being built in parallel, so for now
 * a user counts as a volunteer when their account holds the `volunteer` role grant. When that module
 * lands, replace the body with its check (e.g. "has an active volunteer profile"); every caller
 * (join, approve, accept invitation, create family) goes through here.
 */
export async function assertMayJoin(ctx: Ctx, userId: string): Promise<void> {
  const [grant] = await ctx.db
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .where(and(eq(roleGrants.tenantId, ctx.tenantId), eq(roleGrants.userId, userId), eq(roleGrants.role, 'volunteer')))
    .limit(1);
  if (!grant) throw new AppError('NOT_A_VOLUNTEER');
}
