import { and, desc, eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { users } from '../accounts/index.js';
import { activeFamilyIdOf, visibleFamily } from './access.js';
import { presentFamilyDetail } from './present.js';
import { families, familyMembers } from './schema.js';

/** One family, for staff in scope, its members and people invited to it. */
export async function getFamily(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const access = await visibleFamily(ctx.db, actor, id);
  return presentFamilyDetail(ctx.db, actor.tenantId, access);
}

/** The caller's own family (if any) and the family invitations waiting for their answer. */
export async function getMyFamily(ctx: Ctx) {
  const actor = requireActor(ctx);
  const familyId = await activeFamilyIdOf(ctx.db, actor.tenantId, actor.userId);
  const family = familyId
    ? await presentFamilyDetail(ctx.db, actor.tenantId, await visibleFamily(ctx.db, actor, familyId))
    : null;
  const invitations = await ctx.db
    .select({
      familyId: families.id,
      name: families.name,
      headName: users.displayName,
      relation: familyMembers.relation,
      createdAt: familyMembers.createdAt,
    })
    .from(familyMembers)
    .innerJoin(families, and(eq(families.tenantId, familyMembers.tenantId), eq(families.id, familyMembers.familyId)))
    .innerJoin(users, and(eq(users.tenantId, families.tenantId), eq(users.id, families.headUserId)))
    .where(
      and(
        eq(familyMembers.tenantId, actor.tenantId),
        eq(familyMembers.userId, actor.userId),
        eq(familyMembers.status, 'invited'),
      ),
    )
    .orderBy(desc(familyMembers.createdAt));
  return { family, invitations: invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
}
