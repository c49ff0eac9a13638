/**
 * Writes other modules make to accounts, always through these functions: creating a person's
 * account, granting a role, changing the phone an account signs in with.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { Role } from '../../platform/identity.js';
import { actorCache } from './actor-cache.js';
import { NO_PASSWORD } from './password.js';
import { roleGrants, users } from './schema.js';

/** The unique index that makes a phone one account per tenant; a violation of it means "phone taken". */
export const USERS_PHONE_INDEX = 'users_phone_uq';

export interface NewUser {
  phone: string;
  displayName: string;
  /** From `hashPassword`, computed before the transaction opens; omitted = no password until set by SMS code. */
  passwordHash?: string;
  /** Someone else chose the password: it must be changed at first sign-in. */
  mustChangePassword?: boolean;
}

export async function createUser(db: Db, tenantId: string, user: NewUser): Promise<{ id: string }> {
  const [created] = await db
    .insert(users)
    .values({
      tenantId,
      phone: user.phone,
      displayName: user.displayName,
      passwordHash: user.passwordHash ?? NO_PASSWORD,
      mustChangePassword: user.mustChangePassword ?? false,
    })
    .returning({ id: users.id });
  if (!created) throw new Error('insert failed');
  return created;
}

/** Many accounts without a password at once (bulk import). */
export async function createUsersWithoutPassword(
  db: Db,
  tenantId: string,
  people: { phone: string; displayName: string }[],
): Promise<{ id: string; phone: string }[]> {
  if (!people.length) return [];
  return db
    .insert(users)
    .values(people.map((p) => ({ tenantId, phone: p.phone, displayName: p.displayName, passwordHash: NO_PASSWORD })))
    .returning({ id: users.id, phone: users.phone });
}

/** Grants `role` (not bound to a place) to each user who does not hold it yet. */
export async function grantRole(db: Db, tenantId: string, userIds: string[], role: Role): Promise<void> {
  if (!userIds.length) return;
  const holders = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.role, role), inArray(roleGrants.userId, userIds)));
  const held = new Set(holders.map((h) => h.userId));
  const missing = [...new Set(userIds)].filter((id) => !held.has(id));
  if (missing.length) await db.insert(roleGrants).values(missing.map((userId) => ({ tenantId, userId, role })));
  // Callers invalidate again once their transaction commits (a request may read the old grants meanwhile).
  for (const userId of missing) actorCache.invalidateUser(userId);
}

export async function setUserPhone(db: Db, tenantId: string, userId: string, phone: string): Promise<void> {
  await db
    .update(users)
    .set({ phone })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}

/** The name an account is shown by, e.g. after staff corrected the volunteer's real name. */
export async function setUserDisplayName(db: Db, tenantId: string, userId: string, displayName: string): Promise<void> {
  await db
    .update(users)
    .set({ displayName })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}
