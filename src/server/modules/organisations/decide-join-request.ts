import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { loadOrganisation, requireManager } from './access.js';
import { assertMayJoin } from './assert-may-join.js';
import { closeRequest, insertMember, loadRequest } from './membership-helpers.js';
import { nextStatus } from './membership-rules.js';

/** A leader or admin approves a join request: the applicant becomes a member and is told "已通过". */
export async function approveJoinRequest(ctx: Ctx, organisationId: string, requestId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganisation(tx, actor.tenantId, organisationId);
    await requireManager(tx, actor, org);
    const request = await loadRequest(tx, actor.tenantId, organisationId, requestId);
    const status = nextStatus(request.kind, 'approve');
    if (!status) throw new AppError('NOT_FOUND');
    if (request.status !== 'pending') throw new AppError('REQUEST_NOT_PENDING');
    if (org.status !== 'active') throw new AppError('ORGANISATION_INACTIVE');
    if (org.kind === 'team') await assertMayJoin({ ...ctx, db: tx }, request.userId);
    await closeRequest(tx, actor.tenantId, requestId, status, actor.userId);
    await insertMember(tx, actor.tenantId, organisationId, request.userId, request.role);
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.join_request.approve',
      entityType: 'membership_request',
      entityId: requestId,
      regionCode: org.regionCode,
      detail: { organisationId, userId: request.userId },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: request.userId,
      kind: 'organisation.join_approved',
      title: `加入「${org.name}」的申请已通过`,
      params: { team: org.name },
      body: `欢迎加入${org.name}！`,
      link: `/h5/teams/${organisationId}`,
      data: { organisationId, requestId },
    });
    return { ok: true as const };
  });
}

/** A leader or admin declines a join request, optionally saying why; the applicant is told. */
export async function declineJoinRequest(ctx: Ctx, organisationId: string, requestId: string, reason?: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganisation(tx, actor.tenantId, organisationId);
    await requireManager(tx, actor, org);
    const request = await loadRequest(tx, actor.tenantId, organisationId, requestId);
    const status = nextStatus(request.kind, 'decline');
    if (!status) throw new AppError('NOT_FOUND');
    await closeRequest(tx, actor.tenantId, requestId, status, actor.userId, reason || null);
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.join_request.decline',
      entityType: 'membership_request',
      entityId: requestId,
      regionCode: org.regionCode,
      detail: { organisationId, userId: request.userId, reason: reason || null },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId: request.userId,
      kind: 'organisation.join_declined',
      title: `加入「${org.name}」的申请未通过`,
      params: { team: org.name, reason: reason ?? '' },
      body: reason ? `原因：${reason}` : '',
      link: `/h5/teams/${organisationId}`,
      data: { organisationId, requestId },
    });
    return { ok: true as const };
  });
}

/** The applicant takes back their own pending request. */
export async function withdrawJoinRequest(ctx: Ctx, organisationId: string, requestId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganisation(tx, actor.tenantId, organisationId);
    const request = await loadRequest(tx, actor.tenantId, organisationId, requestId);
    const status = nextStatus(request.kind, 'withdraw');
    if (!status || request.userId !== actor.userId) throw new AppError('NOT_FOUND');
    await closeRequest(tx, actor.tenantId, requestId, status, actor.userId);
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.join_request.withdraw',
      entityType: 'membership_request',
      entityId: requestId,
      regionCode: org.regionCode,
      detail: { organisationId },
    });
    return { ok: true as const };
  });
}
