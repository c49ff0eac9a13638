import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';

/** An active user of the tenant by phone, or USER_NOT_FOUND. */
export async function findUserByPhone(db: Db, tenantId: string, phone: string) {
  const [user] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.phone, phone), eq(users.status, 'active')));
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
}
