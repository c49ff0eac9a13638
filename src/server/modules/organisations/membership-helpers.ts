import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { type MemberRole, membershipRequests, organisationMembers } from './members-schema.js';

/** Refuses a second membership or a second open request/invitation for the same person (409). */
export async function assertNotMemberNorPending(db: Db, tenantId: string, organisationId: string, userId: string) {
  const [member] = await db
    .select({ role: organisationMembers.role })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, tenantId),
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, userId),
      ),
    );
  if (member) throw new AppError('ALREADY_MEMBER');
  const [pending] = await db
    .select({ id: membershipRequests.id })
    .from(membershipRequests)
    .where(
      and(
        eq(membershipRequests.tenantId, tenantId),
        eq(membershipRequests.organisationId, organisationId),
        eq(membershipRequests.userId, userId),
        eq(membershipRequests.status, 'pending'),
      ),
    );
  if (pending) throw new AppError('JOIN_REQUEST_PENDING');
}

export async function insertMember(db: Db, tenantId: string, organisationId: string, userId: string, role: MemberRole) {
  const inserted = await db
    .insert(organisationMembers)
    .values({ tenantId, organisationId, userId, role })
    .onConflictDoNothing()
    .returning({ userId: organisationMembers.userId });
  if (inserted.length === 0) throw new AppError('ALREADY_MEMBER');
}

/** Loads one request or invitation of the organisation (NOT_FOUND otherwise). */
export async function loadRequest(db: Db, tenantId: string, organisationId: string, requestId: string) {
  const [row] = await db
    .select()
    .from(membershipRequests)
    .where(
      and(
        eq(membershipRequests.tenantId, tenantId),
        eq(membershipRequests.organisationId, organisationId),
        eq(membershipRequests.id, requestId),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Moves a pending request to `status`; REQUEST_NOT_PENDING when someone else moved it first. */
export async function closeRequest(
  db: Db,
  tenantId: string,
  requestId: string,
  status: (typeof membershipRequests.$inferSelect)['status'],
  decidedBy: string,
  reason?: string | null,
) {
  const updated = await db
    .update(membershipRequests)
    .set({ status, decidedBy, decidedAt: new Date(), reason: reason ?? null })
    .where(
      and(
        eq(membershipRequests.tenantId, tenantId),
        eq(membershipRequests.id, requestId),
        eq(membershipRequests.status, 'pending'),
      ),
    )
    .returning({ id: membershipRequests.id });
  if (updated.length === 0) throw new AppError('REQUEST_NOT_PENDING');
}
