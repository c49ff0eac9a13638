import { and, eq } from 'drizzle-orm';
import { type Actor, inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { families, familyMembers } from './schema.js';

export type FamilyRow = typeof families.$inferSelect;

export async function membershipIn(db: Db, tenantId: string, familyId: string, userId: string) {
  const [row] = await db
    .select({ status: familyMembers.status, relation: familyMembers.relation })
    .from(familyMembers)
    .where(
      and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.familyId, familyId), eq(familyMembers.userId, userId)),
    );
  return row ?? null;
}

export interface FamilyAccess {
  family: FamilyRow;
  staffInScope: boolean;
  isHead: boolean;
  membership: Awaited<ReturnType<typeof membershipIn>>;
  /** Head or staff in scope: add and remove members. */
  manage: boolean;
  viewerId: string;
}

/**
 * A family the caller may see: staff whose scope holds its community, its members, and people invited
 * to it. Anyone else gets NOT_FOUND, exactly as for a family that does not exist.
 */
export async function visibleFamily(db: Db, actor: Actor, familyId: string): Promise<FamilyAccess> {
  const [family] = await db
    .select()
    .from(families)
    .where(and(eq(families.tenantId, actor.tenantId), eq(families.id, familyId)));
  if (!family) throw new AppError('NOT_FOUND');
  const staffInScope = inScope(actor, family.regionCode);
  const membership = await membershipIn(db, actor.tenantId, familyId, actor.userId);
  if (!staffInScope && !membership) throw new AppError('NOT_FOUND');
  const isHead = family.headUserId === actor.userId;
  const isActiveHead = isHead && membership?.status === 'active';
  return { family, staffInScope, isHead, membership, manage: staffInScope || isActiveHead, viewerId: actor.userId };
}

/** The family a user actively belongs to, if any. */
export async function activeFamilyIdOf(db: Db, tenantId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ familyId: familyMembers.familyId })
    .from(familyMembers)
    .where(
      and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.userId, userId), eq(familyMembers.status, 'active')),
    );
  return row?.familyId ?? null;
}

export const relationLabel = {
  self: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandparent: '祖父母/外祖父母',
  grandchild: '孙子女/外孙子女',
  other: '其他',
} as const;

export const relationLabelEn: Record<keyof typeof relationLabel, string> = {
  self: 'head',
  spouse: 'spouse',
  child: 'child',
  parent: 'parent',
  sibling: 'sibling',
  grandparent: 'grandparent',
  grandchild: 'grandchild',
  other: 'other',
};
