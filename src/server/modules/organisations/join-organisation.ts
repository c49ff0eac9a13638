import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { notify, notifyMany } from '../notifications/index.js';
import { loadOrganisation, managerUserIds } from './access.js';
import { assertMayJoin } from './assert-may-join.js';
import { membershipRequests } from './members-schema.js';
import { assertNotMemberNorPending, insertMember } from './membership-helpers.js';

/**
 * The caller asks to join. Open: a member at once. Approval: a pending request that the leaders and
 * admins are told about. Invitation: refused (INVITATION_ONLY). A team needs a volunteer.
 */
export async function joinOrganisation(ctx: Ctx, id: string, input: { message?: string }) {
  const actor = requireActor(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const org = await loadOrganisation(tx, actor.tenantId, id);
      if (org.status !== 'active') throw new AppError('ORGANISATION_INACTIVE');
      if (org.joinMode === 'invitation') throw new AppError('INVITATION_ONLY');
      await assertNotMemberNorPending(tx, actor.tenantId, id, actor.userId);
      if (org.kind === 'team') await assertMayJoin({ ...ctx, db: tx }, actor.userId);
      const base = { tenantId: actor.tenantId, data: { organisationId: id } };

      if (org.joinMode === 'open') {
        await insertMember(tx, actor.tenantId, id, actor.userId, 'member');
        await writeAudit(tx, auditContext(ctx), {
          action: 'organisation.member.join',
          entityType: 'organisation',
          entityId: id,
          regionCode: org.regionCode,
          detail: { userId: actor.userId, mode: 'open' },
        });
        await notify(tx, {
          ...base,
          userId: actor.userId,
          kind: 'organisation.joined',
          title: `您已加入「${org.name}」`,
          params: { team: org.name },
          link: `/h5/teams/${id}`,
        });
        return { outcome: 'joined' as const, requestId: null };
      }

      const [request] = await tx
        .insert(membershipRequests)
        .values({
          tenantId: actor.tenantId,
          organisationId: id,
          kind: 'request',
          userId: actor.userId,
          message: input.message || null,
          createdBy: actor.userId,
        })
        .returning({ id: membershipRequests.id });
      if (!request) throw new Error('insert failed');
      await writeAudit(tx, auditContext(ctx), {
        action: 'organisation.join_request.create',
        entityType: 'membership_request',
        entityId: request.id,
        regionCode: org.regionCode,
        detail: { organisationId: id, userId: actor.userId },
      });
      await notifyMany(tx, await managerUserIds(tx, actor.tenantId, id), {
        ...base,
        kind: 'organisation.join_requested',
        title: `${actor.displayName} 申请加入「${org.name}」`,
        params: { name: actor.displayName, team: org.name },
        body: input.message ?? '',
        link: `/h5/teams/${id}/requests`,
        data: { organisationId: id, requestId: request.id },
      });
      return { outcome: 'requested' as const, requestId: request.id };
    });
  } catch (err) {
    // Two clicks racing past the checks: the primary key / partial unique index decides.
    if (isUniqueViolation(err)) throw new AppError('JOIN_REQUEST_PENDING');
    throw err;
  }
}
