import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { families, familyMembers } from './schema.js';

export interface FamilyUnit {
  familyId: string;
  name: string;
  regionCode: string;
  headUserId: string;
  isHead: boolean;
}

/**
 * The family a user acts for as one unit (a charity-sale stall, an activity sign-up), or null.
 * For later modules: `const unit = await getFamilyOf(ctx, userId)`; only active members count.
 */
export async function getFamilyOf(ctx: Pick<Ctx, 'db' | 'tenantId'>, userId: string): Promise<FamilyUnit | null> {
  const [row] = await ctx.db
    .select({
      familyId: families.id,
      name: families.name,
      regionCode: families.regionCode,
      headUserId: families.headUserId,
    })
    .from(familyMembers)
    .innerJoin(families, and(eq(families.tenantId, familyMembers.tenantId), eq(families.id, familyMembers.familyId)))
    .where(
      and(
        eq(familyMembers.tenantId, ctx.tenantId),
        eq(familyMembers.userId, userId),
        eq(familyMembers.status, 'active'),
      ),
    );
  return row ? { ...row, isHead: row.headUserId === userId } : null;
}
