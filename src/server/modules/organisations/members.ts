import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { maskPhone } from '../../../shared/phone.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import {
  loadOrganisation,
  membershipOf,
  organisationAccess,
  requireManager,
  roleLabel,
  roleLabelEn,
} from './access.js';
import { type MemberRole, memberRoles, organisationMembers } from './members-schema.js';
import { mayChangeRole, mayRemove } from './membership-rules.js';
import { organisations } from './schema.js';

/** Members of an organisation, leaders first; visible to its members and managers, NOT_FOUND to others. */
export async function listMembers(ctx: Ctx, organisationId: string) {
  const actor = requireActor(ctx);
  const org = await loadOrganisation(ctx.db, actor.tenantId, organisationId);
  const access = await organisationAccess(ctx.db, actor, org);
  if (access.level === 'none' && !access.memberRole) throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .select({
      userId: users.id,
      displayName: users.displayName,
      phone: users.phone,
      role: organisationMembers.role,
      joinedAt: organisationMembers.joinedAt,
    })
    .from(organisationMembers)
    .innerJoin(users, and(eq(users.tenantId, organisationMembers.tenantId), eq(users.id, organisationMembers.userId)))
    .where(
      and(eq(organisationMembers.tenantId, actor.tenantId), eq(organisationMembers.organisationId, organisationId)),
    )
    .orderBy(
      sql`array_position(array[${sql.join(
        memberRoles.map((r) => sql`${r}`),
        sql`, `,
      )}]::text[], ${organisationMembers.role})`,
      asc(organisationMembers.joinedAt),
    );
  return {
    items: rows.map((r) => ({ ...r, phone: maskPhone(r.phone), joinedAt: r.joinedAt.toISOString() })),
  };
}

async function leaderCount(db: Db, tenantId: string, organisationId: string) {
  const rows = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, tenantId),
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.role, 'leader'),
      ),
    );
  return rows.length;
}

const memberKey = (tenantId: string, organisationId: string, userId: string) =>
  and(
    eq(organisationMembers.tenantId, tenantId),
    eq(organisationMembers.organisationId, organisationId),
    eq(organisationMembers.userId, userId),
  );

/** A manager changes a member's role (only leaders touch the leader role); the last leader stays. Audited. */
export async function changeMemberRole(ctx: Ctx, organisationId: string, userId: string, role: MemberRole) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganisation(tx, actor.tenantId, organisationId);
    const access = await requireManager(tx, actor, org);
    const target = await membershipOf(tx, actor.tenantId, organisationId, userId);
    if (!target) throw new AppError('NOT_FOUND');
    if (target.role === role) return { ok: true as const };
    if (!mayChangeRole(access.level, target.role, role)) throw new AppError('FORBIDDEN');
    if (target.role === 'leader' && (await leaderCount(tx, actor.tenantId, organisationId)) <= 1) {
      throw new AppError('LAST_LEADER');
    }
    await tx
      .update(organisationMembers)
      .set({ role })
      .where(memberKey(actor.tenantId, organisationId, userId));
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.member.role',
      entityType: 'organisation',
      entityId: organisationId,
      regionCode: org.regionCode,
      detail: { userId, from: target.role, to: role },
    });
    await notify(tx, {
      tenantId: actor.tenantId,
      userId,
      kind: 'organisation.role_changed',
      title: `您在「${org.name}」的身份已调整为${roleLabel[role]}`,
      link: `/h5/teams/${organisationId}`,
      data: { organisationId, role, params: { team: org.name, role: roleLabel[role], roleEn: roleLabelEn[role] } },
    });
    return { ok: true as const };
  });
}

/** A member leaves (userId = self) or a manager removes one; the last leader cannot go. Audited. */
export async function removeMember(ctx: Ctx, organisationId: string, userId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganisation(tx, actor.tenantId, organisationId);
    const self = userId === actor.userId;
    const access = self ? null : await requireManager(tx, actor, org);
    const target = await membershipOf(tx, actor.tenantId, organisationId, userId);
    if (!target) throw new AppError('NOT_FOUND');
    if (access && !mayRemove(access.level, target.role)) throw new AppError('FORBIDDEN');
    if (target.role === 'leader' && (await leaderCount(tx, actor.tenantId, organisationId)) <= 1) {
      throw new AppError('LAST_LEADER');
    }
    await tx.delete(organisationMembers).where(memberKey(actor.tenantId, organisationId, userId));
    await writeAudit(tx, auditContext(ctx), {
      action: self ? 'organisation.member.leave' : 'organisation.member.remove',
      entityType: 'organisation',
      entityId: organisationId,
      regionCode: org.regionCode,
      detail: { userId, role: target.role },
    });
    if (!self) {
      await notify(tx, {
        tenantId: actor.tenantId,
        userId,
        kind: 'organisation.member_removed',
        title: `您已被移出「${org.name}」`,
        link: `/h5/teams/${organisationId}`,
        data: { organisationId, params: { team: org.name } },
      });
    }
    return { ok: true as const };
  });
}

/** The organisations the caller belongs to or administers through an org_admin grant. */
export async function listMyOrganisations(ctx: Ctx) {
  const actor = requireActor(ctx);
  const granted = actor.grants
    .filter((g) => g.role === 'org_admin' && g.organisationId)
    .map((g) => g.organisationId as string);
  const memberships = ctx.db
    .select({
      organisationId: organisationMembers.organisationId,
      role: organisationMembers.role,
      joinedAt: organisationMembers.joinedAt,
    })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.tenantId, actor.tenantId), eq(organisationMembers.userId, actor.userId)))
    .as('my_membership');
  const rows = await ctx.db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
    })
    .from(organisations)
    .leftJoin(memberships, eq(memberships.organisationId, organisations.id))
    .where(
      and(
        eq(organisations.tenantId, actor.tenantId),
        or(isNotNull(memberships.organisationId), granted.length ? inArray(organisations.id, granted) : sql`false`),
      ),
    )
    .orderBy(asc(organisations.name));
  return {
    items: rows.map((r) => ({
      ...r,
      manages: granted.includes(r.id) || r.role === 'leader' || r.role === 'admin',
      joinedAt: r.joinedAt?.toISOString() ?? null,
    })),
  };
}
