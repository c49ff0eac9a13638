/** Extra people for tests: users with role grants (volunteers with an active profile), signing in with the demo password. */
import { and, eq } from 'drizzle-orm';
import { roleGrants, users } from '../src/server/modules/accounts/index.js';
import {
  CURRENT_CONSENT_VERSION,
  insertVolunteer,
  type VolunteerStatus,
} from '../src/server/modules/volunteers/index.js';
import type { Database } from '../src/server/platform/db.js';
import type { Role } from '../src/server/platform/identity.js';
import { checkCharacter } from '../src/shared/id-card.js';
import { testConfig } from './server.js';

let counter = 0;

/** A valid test ID number (born 1990-01-01 in 环翠区), unique per call. */
function idNumber(n: number): string {
  const first17 = `37100219900101${String((process.pid * 7 + n) % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/**
 * A new user (phone 177xxxxxxxx) holding the given grants; the password is the demo password.
 * Without grants the user is a volunteer with an active profile (or `volunteerStatus`).
 */
export async function makeUser(
  database: Database,
  options: {
    displayName?: string;
    grants?: { role: Role; regionCode?: string; organisationId?: string }[];
    volunteerStatus?: VolunteerStatus;
  } = {},
) {
  const db = database.db;
  const [template] = await db
    .select({ tenantId: users.tenantId, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.phone, '13800000005'));
  if (!template) throw new Error('demo data missing');
  counter += 1;
  const phone = `177${String(process.pid % 10000).padStart(4, '0')}${String(counter).padStart(4, '0')}`;
  const displayName = options.displayName ?? `测试用户${counter}`;
  const [user] = await db
    .insert(users)
    .values({ tenantId: template.tenantId, phone, passwordHash: template.passwordHash, displayName })
    .returning({ id: users.id });
  if (!user) throw new Error('insert failed');
  const grants = options.grants ?? [];
  for (const g of grants) {
    await db.insert(roleGrants).values({
      tenantId: template.tenantId,
      userId: user.id,
      role: g.role,
      regionCode: g.regionCode ?? null,
      organisationId: g.organisationId ?? null,
    });
  }
  if (!options.grants) {
    const tenantId = template.tenantId;
    await db.transaction(async (tx) => {
      const ctx = { db: tx, config: testConfig(), tenantId, actor: null, ip: null, requestId: null };
      await insertVolunteer(tx, ctx, {
        userId: user.id,
        name: displayName,
        idNumber: idNumber(counter),
        regionCode: '371002002005',
        status: options.volunteerStatus ?? 'active',
        channel: 'desk',
        registeredBy: null,
        consentVersion: CURRENT_CONSENT_VERSION,
        skillCodes: [],
        areaCodes: [],
        availability: [],
      });
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
