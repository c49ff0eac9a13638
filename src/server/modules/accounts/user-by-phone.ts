/** The one way other modules find an account by its phone number. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { users } from './schema.js';

/** The active account with this phone in the tenant, or null: a disabled account is not found. */
export async function userByPhone(db: Db, tenantId: string, phone: string) {
  const [user] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.phone, phone), eq(users.status, 'active')));
  return user ?? null;
}

/** The active account with this phone in the tenant, or USER_NOT_FOUND. */
export async function findUserByPhone(db: Db, tenantId: string, phone: string) {
  const user = await userByPhone(db, tenantId, phone);
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
}

/** Whether any account of the tenant holds this phone, disabled ones included: a number is one account's only. */
export async function phoneInUse(db: Db, tenantId: string, phone: string): Promise<boolean> {
  const [holder] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.phone, phone)))
    .limit(1);
  return holder !== undefined;
}
