/** Extra people for tests: users with role grants, signing in with the demo password. */
import { and, eq } from 'drizzle-orm';
import { type Role, roleGrants, users } from '../src/server/modules/accounts/schema.js';
import type { Database } from '../src/server/platform/db.js';

let counter = 0;

/** A new user (phone 1770000xxxx) holding the given grants; the password is the demo password. */
export async function makeUser(
  database: Database,
  options: { displayName?: string; grants?: { role: Role; regionCode?: string; organisationId?: string }[] } = {},
) {
  const db = database.db;
  const [template] = await db
    .select({ tenantId: users.tenantId, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.phone, '13800000005'));
  if (!template) throw new Error('demo data missing');
  counter += 1;
  const phone = `177${String(process.pid % 10000).padStart(4, '0')}${String(counter).padStart(4, '0')}`;
  const [user] = await db
    .insert(users)
    .values({
      tenantId: template.tenantId,
      phone,
      passwordHash: template.passwordHash,
      displayName: options.displayName ?? `测试用户${counter}`,
    })
    .returning({ id: users.id });
  if (!user) throw new Error('insert failed');
  for (const g of options.grants ?? [{ role: 'volunteer' as Role }]) {
    await db.insert(roleGrants).values({
      tenantId: template.tenantId,
      userId: user.id,
      role: g.role,
      regionCode: g.regionCode ?? null,
      organisationId: g.organisationId ?? null,
    });
  }
  return { id: user.id, phone, tenantId: template.tenantId };
}

export async function userIdOf(database: Database, phone: string): Promise<string> {
  const [u] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, '371002'), eq(users.phone, phone)));
  if (!u) throw new Error(`no user ${phone}`);
  return u.id;
}
