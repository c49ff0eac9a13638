import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { roleGrants } from '../accounts/index.js';
import { type MemberRole, organisationMembers } from './members-schema.js';
import type { ManagerLevel } from './membership-rules.js';
import { organisations } from './schema.js';

export type OrganisationRow = typeof organisations.$inferSelect;

/** One organisation of the tenant, or NOT_FOUND. Organisations themselves are public. */
export async function loadOrganisation(db: Db, tenantId: string, id: string): Promise<OrganisationRow> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function membershipOf(db: Db, tenantId: string, organisationId: string, userId: string) {
  const [row] = await db
    .select({ role: organisationMembers.role, joinedAt: organisationMembers.joinedAt })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, tenantId),
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, userId),
      ),
    );
  return row ?? null;
}

export interface OrganisationAccess {
  /** Staff whose region scope holds the organisation's home region. */
  staffInScope: boolean;
  /** The caller's own membership role, if any. */
  memberRole: MemberRole | null;
  /** leader: staff in scope, an org_admin grant for it, or a leader member; admin: an admin member. */
  level: ManagerLevel;
}

/** What the caller may do with one organisation (null actor: the public). */
export async function organisationAccess(
  db: Db,
  actor: Actor | null,
  org: Pick<OrganisationRow, 'id' | 'regionCode'>,
): Promise<OrganisationAccess> {
  if (!actor) return { staffInScope: false, memberRole: null, level: 'none' };
  const staffInScope = inScope(actor, org.regionCode);
  const orgAdmin = actor.grants.some((g) => g.role === 'org_admin' && g.organisationId === org.id);
  const memberRole = (await membershipOf(db, actor.tenantId, org.id, actor.userId))?.role ?? null;
  const level: ManagerLevel =
    staffInScope || orgAdmin || memberRole === 'leader' ? 'leader' : memberRole === 'admin' ? 'admin' : 'none';
  return { staffInScope, memberRole, level };
}

/** The caller must manage the organisation; anyone else gets NOT_FOUND, as for private data of a stranger. */
export async function requireManager(
  db: Db,
  actor: Actor,
  org: Pick<OrganisationRow, 'id' | 'regionCode'>,
): Promise<OrganisationAccess> {
  const access = await organisationAccess(db, actor, org);
  if (access.level === 'none') throw new AppError('NOT_FOUND');
  return access;
}

/** Everyone who should hear about a join request: leader and admin members and org_admin grant holders. */
export async function managerUserIds(db: Db, tenantId: string, organisationId: string): Promise<string[]> {
  const members = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, tenantId),
        eq(organisationMembers.organisationId, organisationId),
        inArray(organisationMembers.role, ['leader', 'admin']),
      ),
    );
  const grants = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.tenantId, tenantId),
        eq(roleGrants.organisationId, organisationId),
        eq(roleGrants.role, 'org_admin'),
      ),
    );
  return [...new Set([...members, ...grants].map((r) => r.userId))];
}

export const kindLabel: Record<OrganisationRow['kind'], string> = {
  team: '志愿服务队',
  social_org: '社会组织',
  caring_merchant: '爱心商户',
  bank_outlet: '银行网点',
  school: '学校',
  enterprise: '企业',
  government: '机关单位',
};

export const roleLabel: Record<MemberRole, string> = { leader: '队长', admin: '管理员', member: '队员' };
export const roleLabelEn: Record<MemberRole, string> = { leader: 'leader', admin: 'admin', member: 'member' };
