import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { loadOrganisation, requireManager } from './access.js';
import { assertMayJoin } from './assert-may-join.js';
import { membershipRequests } from './members-schema.js';
import { closeRequest, insertMember, loadRequest } from './membership-helpers.js';
import { nextStatus } from './membership-rules.js';

async function loadMyInvitation(db: Db, tenantId: string, userId: string, invitationId: string) {
  const [row] = await db
    .select()
    .from(membershipRequests)
    .where(
      and(
        eq(membershipRequests.tenantId, tenantId),
        eq(membershipRequests.id, invitationId),
        eq(membershipRequests.userId, userId),
        eq(membershipRequests.kind, 'invitation'),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The invitee accepts: they become a member with the invited role; the inviter is told. */
export async function acceptInvitation(ctx: Ctx, invitationId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const invitation = await loadMyInvitation(tx, actor.tenantId, actor.userId, invitationId);
    const org = await loadOrganisation(tx, actor.tenantId, invitation.organisationId);
    if (invitation.status !== 'pending') throw new AppError('REQUEST_NOT_PENDING');
    if (org.status !== 'active') throw new AppError('ORGANISATION_INACTIVE');
    if (org.kind === 'team') await assertMayJoin({ ...ctx, db: tx }, actor.userId);
    await closeRequest(tx, actor.tenantId, invitationId, nextStatus('invitation', 'accept')!, actor.userId);
    await insertMember(tx, actor.tenantId, org.id, actor.userId, invitation.role);
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.invitation.accept',
      entityType: 'membership_request',
      entityId: invitationId,
      regionCode: org.regionCode,
      detail: { organisationId: org.id, role: invitation.role },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: invitation.createdBy,
      kind: 'organisation.invitation_accepted',
      title: `${actor.displayName} 已接受邀请，加入「${org.name}」`,
      params: { name: actor.displayName, team: org.name },
      link: `/h5/teams/${org.id}`,
      data: { organisationId: org.id, invitationId },
    });
    return { ok: true as const };
  });
}

/** The invitee declines; the inviter is told. */
export async function declineInvitation(ctx: Ctx, invitationId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const invitation = await loadMyInvitation(tx, actor.tenantId, actor.userId, invitationId);
    const org = await loadOrganisation(tx, actor.tenantId, invitation.organisationId);
    await closeRequest(tx, actor.tenantId, invitationId, nextStatus('invitation', 'reject')!, actor.userId);
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.invitation.decline',
      entityType: 'membership_request',
      entityId: invitationId,
      regionCode: org.regionCode,
      detail: { organisationId: org.id },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: invitation.createdBy,
      kind: 'organisation.invitation_declined',
      title: `${actor.displayName} 谢绝了加入「${org.name}」的邀请`,
      params: { name: actor.displayName, team: org.name },
      link: `/h5/teams/${org.id}`,
      data: { organisationId: org.id, invitationId },
    });
    return { ok: true as const };
  });
}

/** A leader or admin takes back a pending invitation. */
export async function revokeInvitation(ctx: Ctx, organisationId: string, invitationId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganisation(tx, actor.tenantId, organisationId);
    await requireManager(tx, actor, org);
    const invitation = await loadRequest(tx, actor.tenantId, organisationId, invitationId);
    const status = nextStatus(invitation.kind, 'revoke');
    if (!status) throw new AppError('NOT_FOUND');
    await closeRequest(tx, actor.tenantId, invitationId, status, actor.userId);
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.invitation.revoke',
      entityType: 'membership_request',
      entityId: invitationId,
      regionCode: org.regionCode,
      detail: { organisationId, userId: invitation.userId },
    });
    return { ok: true as const };
  });
}
