import { and, eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { countPhoneLookup, userByPhone } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { assertMayJoin } from '../organisations/index.js';
import { regions } from '../regions/index.js';
import { activeFamilyIdOf } from './access.js';
import { families, familyMembers } from './schema.js';

export interface CreateFamilyInput {
  name: string;
  regionCode: string;
  headPhone?: string;
}

/**
 * A volunteer creates a family and becomes its head; or staff at the desk register one for a head they
 * name by phone (the community must be in their scope): that head is invited and the family counts only
 * once they accept (declining removes it). The head must be a volunteer and in no other family.
 */
export async function createFamily(ctx: Ctx, input: CreateFamilyInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (input.headPhone) {
    assertInScope(actor, input.regionCode);
    await countPhoneLookup(ctx);
  }
  return ctx.db.transaction(async (tx) => {
    const [region] = await tx
      .select({ level: regions.level })
      .from(regions)
      .where(and(eq(regions.tenantId, actor.tenantId), eq(regions.code, input.regionCode)));
    if (region?.level !== 'community') {
      throw fieldError('body.regionCode', '请选择所在社区/村', 'Choose the home community');
    }
    let headId = actor.userId;
    if (input.headPhone) {
      const head = await userByPhone(tx, actor.tenantId, input.headPhone);
      if (!head) throw new AppError('USER_NOT_FOUND');
      headId = head.id;
    }
    await assertMayJoin({ ...ctx, db: tx }, headId);
    if (await activeFamilyIdOf(tx, actor.tenantId, headId)) throw new AppError('ALREADY_IN_FAMILY');
    const [family] = await tx
      .insert(families)
      .values({ tenantId: actor.tenantId, name: input.name, regionCode: input.regionCode, headUserId: headId })
      .returning({ id: families.id });
    if (!family) throw new Error('insert failed');
    await tx.insert(familyMembers).values({
      tenantId: actor.tenantId,
      familyId: family.id,
      userId: headId,
      relation: 'self',
      status: headId === actor.userId ? 'active' : 'invited',
      invitedBy: actor.userId,
      joinedAt: headId === actor.userId ? new Date() : null,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'family.create',
      entityType: 'family',
      entityId: family.id,
      regionCode: input.regionCode,
      detail: { name: input.name, headUserId: headId, atDesk: !!input.headPhone },
    });
    if (headId !== actor.userId) {
      await notify(tx, {
        tenantId: actor.tenantId,
        userId: headId,
        kind: 'family.head_invited',
        title: `${actor.displayName} 为您登记了志愿服务家庭「${input.name}」，请确认是否担任户主`,
        link: '/h5/family',
        data: { familyId: family.id, params: { name: actor.displayName, family: input.name } },
      });
    }
    return { id: family.id };
  });
}
