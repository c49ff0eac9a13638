import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { countPhoneLookup, userByPhone } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { activeFamilyIdOf, membershipIn, relationLabel, relationLabelEn, visibleFamily } from './access.js';
import { type FamilyRelation, families, familyMembers } from './schema.js';

const memberKey = (tenantId: string, familyId: string, userId: string) =>
  and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.familyId, familyId), eq(familyMembers.userId, userId));

/**
 * Invites a person by phone, whoever adds them (the head, or staff in scope at the desk): nobody joins
 * a family without accepting in the app. The answer to the head is the same whether the phone has an
 * account or not (nothing is stored for an unknown phone), and invitees stay out of the head's view
 * until they accept, so a family cannot be used to learn who owns a phone. Staff are told when there
 * is no such user, so that they can register the person first. Every look-up counts against the
 * caller's daily quota. Audited.
 */
export async function addFamilyMember(ctx: Ctx, familyId: string, input: { phone: string; relation: FamilyRelation }) {
  const actor = requireActor(ctx);
  await visibleFamily(ctx.db, actor, familyId);
  await countPhoneLookup(ctx);
  return ctx.db.transaction(async (tx) => {
    const access = await visibleFamily(tx, actor, familyId);
    if (!access.manage) throw new AppError('FORBIDDEN');
    const invited = { status: 'invited' as const };
    const person = await userByPhone(tx, actor.tenantId, input.phone);
    if (!person) {
      if (access.staffInScope) throw new AppError('USER_NOT_FOUND');
      return invited;
    }
    const existing = await membershipIn(tx, actor.tenantId, familyId, person.id);
    if (existing?.status === 'active') throw new AppError('FAMILY_MEMBER_EXISTS');
    if (existing) return invited;
    await tx.insert(familyMembers).values({
      tenantId: actor.tenantId,
      familyId,
      userId: person.id,
      relation: input.relation,
      status: 'invited',
      invitedBy: actor.userId,
      joinedAt: null,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'family.member.invite',
      entityType: 'family',
      entityId: familyId,
      regionCode: access.family.regionCode,
      detail: { userId: person.id, relation: input.relation, atDesk: access.staffInScope && !access.isHead },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: person.id,
      kind: 'family.invited',
      title: `${actor.displayName} 邀请您以${relationLabel[input.relation]}身份加入志愿服务家庭「${access.family.name}」`,
      link: '/h5/family',
      data: {
        familyId,
        params: {
          name: actor.displayName,
          family: access.family.name,
          relation: relationLabel[input.relation],
          relationEn: relationLabelEn[input.relation],
        },
      },
    });
    return invited;
  });
}

/** The invited person accepts; they may belong to one family only. The head is told. */
export async function acceptFamilyInvitation(ctx: Ctx, familyId: string) {
  const actor = requireActor(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const access = await visibleFamily(tx, actor, familyId);
      if (access.membership?.status !== 'invited') throw new AppError('NOT_FOUND');
      if (await activeFamilyIdOf(tx, actor.tenantId, actor.userId)) throw new AppError('ALREADY_IN_FAMILY');
      await tx
        .update(familyMembers)
        .set({ status: 'active', joinedAt: new Date() })
        .where(memberKey(actor.tenantId, familyId, actor.userId));
      await writeAudit(tx, auditContext(ctx), {
        action: 'family.member.accept',
        entityType: 'family',
        entityId: familyId,
        regionCode: access.family.regionCode,
        detail: { userId: actor.userId },
      });
      if (!access.isHead)
        await notify(tx, {
          tenantId: actor.tenantId,
          userId: access.family.headUserId,
          kind: 'family.invitation_accepted',
          title: `${actor.displayName} 已加入您的志愿服务家庭「${access.family.name}」`,
          link: '/h5/family',
          data: { familyId, params: { name: actor.displayName, family: access.family.name } },
        });
      return { ok: true as const };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ALREADY_IN_FAMILY');
    throw err;
  }
}

/**
 * The invited person declines; the invitation disappears and the head is told. A head named by staff
 * who declines removes the family registered for them (it has no member yet).
 */
export async function declineFamilyInvitation(ctx: Ctx, familyId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const access = await visibleFamily(tx, actor, familyId);
    if (access.membership?.status !== 'invited') throw new AppError('NOT_FOUND');
    if (access.isHead) {
      await tx
        .delete(familyMembers)
        .where(and(eq(familyMembers.tenantId, actor.tenantId), eq(familyMembers.familyId, familyId)));
      await tx.delete(families).where(and(eq(families.tenantId, actor.tenantId), eq(families.id, familyId)));
      await writeAudit(tx, auditContext(ctx), {
        action: 'family.head.decline',
        entityType: 'family',
        entityId: familyId,
        regionCode: access.family.regionCode,
        detail: { userId: actor.userId, name: access.family.name },
      });
      return { ok: true as const };
    }
    await tx.delete(familyMembers).where(memberKey(actor.tenantId, familyId, actor.userId));
    await writeAudit(tx, auditContext(ctx), {
      action: 'family.member.decline',
      entityType: 'family',
      entityId: familyId,
      regionCode: access.family.regionCode,
      detail: { userId: actor.userId },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: access.family.headUserId,
      kind: 'family.invitation_declined',
      title: `${actor.displayName} 谢绝了加入「${access.family.name}」的邀请`,
      link: '/h5/family',
      data: { familyId, params: { name: actor.displayName, family: access.family.name } },
    });
    return { ok: true as const };
  });
}

/** A member leaves (userId = self), or the head / staff in scope remove a member or withdraw an invitation. */
export async function removeFamilyMember(ctx: Ctx, familyId: string, userId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const access = await visibleFamily(tx, actor, familyId);
    const self = userId === actor.userId;
    if (!self && !access.manage) throw new AppError('FORBIDDEN');
    const target = await membershipIn(tx, actor.tenantId, familyId, userId);
    if (!target) throw new AppError('NOT_FOUND');
    if (userId === access.family.headUserId) throw new AppError('FAMILY_HEAD_CANNOT_LEAVE');
    await tx.delete(familyMembers).where(memberKey(actor.tenantId, familyId, userId));
    await writeAudit(tx, auditContext(ctx), {
      action: self ? 'family.member.leave' : 'family.member.remove',
      entityType: 'family',
      entityId: familyId,
      regionCode: access.family.regionCode,
      detail: { userId, status: target.status },
    });
    if (!self && target.status === 'active') {
      await notify(tx, {
        tenantId: actor.tenantId,
        userId,
        kind: 'family.member_removed',
        title: `您已被移出志愿服务家庭「${access.family.name}」`,
        link: '/h5/family',
        data: { familyId, params: { family: access.family.name } },
      });
    }
    return { ok: true as const };
  });
}
