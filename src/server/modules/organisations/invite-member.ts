import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { countPhoneLookup, findUserByPhone } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { loadOrganisation, requireManager, roleLabel, roleLabelEn } from './access.js';
import { type MemberRole, membershipRequests } from './members-schema.js';
import { assertNotMemberNorPending } from './membership-helpers.js';
import { mayInviteAs } from './membership-rules.js';

export interface InviteMemberInput {
  phone: string;
  role: MemberRole;
  message?: string;
}

/** A leader or admin invites a registered user by phone; the invitee accepts or declines from their inbox. */
export async function inviteMember(ctx: Ctx, organisationId: string, input: InviteMemberInput) {
  const actor = requireActor(ctx);
  // Only a caller who may invite is looking a phone up: others are refused before it counts.
  await requireManager(ctx.db, actor, await loadOrganisation(ctx.db, actor.tenantId, organisationId));
  await countPhoneLookup(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const org = await loadOrganisation(tx, actor.tenantId, organisationId);
      const access = await requireManager(tx, actor, org);
      if (!mayInviteAs(access.level, input.role)) throw new AppError('FORBIDDEN');
      if (org.status !== 'active') throw new AppError('ORGANISATION_INACTIVE');
      const invitee = await findUserByPhone(tx, actor.tenantId, input.phone);
      await assertNotMemberNorPending(tx, actor.tenantId, organisationId, invitee.id);
      const [invitation] = await tx
        .insert(membershipRequests)
        .values({
          tenantId: actor.tenantId,
          organisationId,
          kind: 'invitation',
          userId: invitee.id,
          role: input.role,
          message: input.message || null,
          createdBy: actor.userId,
        })
        .returning({ id: membershipRequests.id });
      if (!invitation) throw new Error('insert failed');
      await writeAudit(tx, auditContext(ctx), {
        action: 'organisation.invitation.create',
        entityType: 'membership_request',
        entityId: invitation.id,
        regionCode: org.regionCode,
        detail: { organisationId, userId: invitee.id, role: input.role },
      });
      await notify(tx, {
        tenantId: actor.tenantId,
        userId: invitee.id,
        kind: 'organisation.invited',
        title: `${actor.displayName} 邀请您以${roleLabel[input.role]}身份加入「${org.name}」`,
        body: input.message ?? '',
        link: '/h5/invitations',
        data: {
          organisationId,
          invitationId: invitation.id,
          params: {
            name: actor.displayName,
            team: org.name,
            role: roleLabel[input.role],
            roleEn: roleLabelEn[input.role],
          },
        },
      });
      return { id: invitation.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('JOIN_REQUEST_PENDING');
    throw err;
  }
}
