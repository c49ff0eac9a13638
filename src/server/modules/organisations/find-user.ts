import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';

/** An active user of the tenant by phone, or null. */
export async function userByPhone(db: Db, tenantId: string, phone: string) {
  const [user] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.phone, phone), eq(users.status, 'active')));
  return user ?? null;
}

/** An active user of the tenant by phone, or USER_NOT_FOUND. */
export async function findUserByPhone(db: Db, tenantId: string, phone: string) {
  const user = await userByPhone(db, tenantId, phone);
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
}

/** 李志愿 → 李**, Alice Wang → A*** (a name shown to someone who has not been accepted by its owner). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}
