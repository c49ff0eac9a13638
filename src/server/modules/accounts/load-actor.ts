import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { roleGrants, users } from './schema.js';

export async function loadActor(db: Db, tenantId: string, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, displayName: users.displayName, status: users.status })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (user?.status !== 'active') return null;
  const grants = await db
    .select({ role: roleGrants.role, regionCode: roleGrants.regionCode, organisationId: roleGrants.organisationId })
    .from(roleGrants)
    .where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.userId, userId)));
  return { tenantId, userId: user.id, displayName: user.displayName, grants };
}
