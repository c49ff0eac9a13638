import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { maskPhone } from '../../../shared/phone.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import { users } from '../accounts/index.js';
import { loadOrganisation, requireManager } from './access.js';
import { maskName } from './mask-name.js';
import { type MembershipRequestKind, type MembershipRequestStatus, membershipRequests } from './members-schema.js';
import { organisations } from './schema.js';

export interface ListRequestsInput {
  status: MembershipRequestStatus;
  kind: MembershipRequestKind;
  limit: number;
  cursor?: string;
}

/** Join requests (or invitations) of one organisation, oldest first, for its leaders and admins. */
export async function listJoinRequests(ctx: Ctx, organisationId: string, input: ListRequestsInput) {
  const actor = requireActor(ctx);
  const org = await loadOrganisation(ctx.db, actor.tenantId, organisationId);
  await requireManager(ctx.db, actor, org);
  const after = timeIdCursor.decode(input.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(membershipRequests.tenantId, actor.tenantId),
    eq(membershipRequests.organisationId, organisationId),
    eq(membershipRequests.status, input.status),
    eq(membershipRequests.kind, input.kind),
    after
      ? sql`(${membershipRequests.createdAt}, ${membershipRequests.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: membershipRequests.id,
      kind: membershipRequests.kind,
      status: membershipRequests.status,
      role: membershipRequests.role,
      userId: users.id,
      displayName: users.displayName,
      phone: users.phone,
      message: membershipRequests.message,
      reason: membershipRequests.reason,
      createdAt: membershipRequests.createdAt,
      decidedAt: membershipRequests.decidedAt,
      sortAt: sql<string>`${membershipRequests.createdAt}::text`,
    })
    .from(membershipRequests)
    .innerJoin(users, and(eq(users.tenantId, membershipRequests.tenantId), eq(users.id, membershipRequests.userId)))
    .where(and(...conditions))
    .orderBy(asc(membershipRequests.createdAt), asc(membershipRequests.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      role: r.role,
      // An invitee who has not accepted is known to the inviter only by the phone they typed.
      user: {
        id: r.userId,
        displayName: r.kind === 'invitation' && r.status !== 'accepted' ? maskName(r.displayName) : r.displayName,
        phone: maskPhone(r.phone),
      },
      message: r.message,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? timeIdCursor.encode([last.sortAt, last.id]) : null,
  };
}

/** Invitations waiting for the caller's answer, newest first. */
export async function listMyInvitations(ctx: Ctx) {
  const actor = requireActor(ctx);
  const inviter = alias(users, 'inviter');
  const rows = await ctx.db
    .select({
      id: membershipRequests.id,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      role: membershipRequests.role,
      message: membershipRequests.message,
      invitedBy: inviter.displayName,
      createdAt: membershipRequests.createdAt,
    })
    .from(membershipRequests)
    .innerJoin(
      organisations,
      and(
        eq(organisations.tenantId, membershipRequests.tenantId),
        eq(organisations.id, membershipRequests.organisationId),
      ),
    )
    .innerJoin(
      inviter,
      and(eq(inviter.tenantId, membershipRequests.tenantId), eq(inviter.id, membershipRequests.createdBy)),
    )
    .where(
      and(
        eq(membershipRequests.tenantId, actor.tenantId),
        eq(membershipRequests.userId, actor.userId),
        eq(membershipRequests.kind, 'invitation'),
        eq(membershipRequests.status, 'pending'),
      ),
    )
    .orderBy(desc(membershipRequests.createdAt))
    .limit(200);
  return {
    items: rows.map((r) => ({
      id: r.id,
      organisation: { id: r.organisationId, name: r.organisationName, kind: r.organisationKind },
      role: r.role,
      message: r.message,
      invitedBy: r.invitedBy,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
