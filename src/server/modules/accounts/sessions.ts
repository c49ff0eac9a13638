import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Actor, Grant } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { preparedPerShape } from '../../platform/prepared.js';
import { actorCache } from './actor-cache.js';
import { roleGrants, sessions, users } from './schema.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates a session and returns the cookie value `<tenant>.<token>`; only the token's hash is stored. */
export async function createSession(
  db: Db,
  input: { tenantId: string; userId: string; ttlHours: number; ip: string | null; userAgent: string | null },
): Promise<{ cookie: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await db.insert(sessions).values({
    tenantId: input.tenantId,
    tokenHash: sha256(token),
    userId: input.userId,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { cookie: `${input.tenantId}.${token}`, expiresAt };
}

export function parseSessionCookie(value: string): { tenantId: string; tokenHash: string } | null {
  const dot = value.indexOf('.');
  if (dot < 1) return null;
  return { tenantId: value.slice(0, dot), tokenHash: sha256(value.slice(dot + 1)) };
}

function prepareResolve(db: Db) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      mustChangePassword: users.mustChangePassword,
      expiresAt: sessions.expiresAt,
      grants: sql<Grant[]>`coalesce(json_agg(json_build_object(
        'role', ${roleGrants.role}, 'regionCode', ${roleGrants.regionCode}, 'organisationId', ${roleGrants.organisationId}
      )) filter (where ${roleGrants.id} is not null), '[]')`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .leftJoin(roleGrants, and(eq(roleGrants.tenantId, users.tenantId), eq(roleGrants.userId, users.id)))
    .where(
      and(
        eq(sessions.tenantId, sql.placeholder('tenantId')),
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.status, 'active'),
      ),
    )
    .groupBy(users.id, users.displayName, users.mustChangePassword, sessions.expiresAt)
    .prepare('resolve_session');
}

const resolveQuery = preparedPerShape(prepareResolve);

/**
 * From cookie to actor: from the in-process cache, or in one round trip (a prepared statement)
 * for the session, its user and the user's role grants.
 */
export async function resolveSession(db: Db, cookie: string): Promise<Actor | null> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const cached = actorCache.get(parsed.tokenHash);
  if (cached) return cached.tenantId === parsed.tenantId ? cached : null;
  const mark = actorCache.mark();
  const [row] = await resolveQuery(db).execute(parsed);
  if (!row) return null;
  const grants = typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants;
  const actor: Actor = {
    tenantId: parsed.tenantId,
    userId: row.userId,
    displayName: row.displayName,
    grants,
    mustChangePassword: row.mustChangePassword,
  };
  actorCache.set(parsed.tokenHash, actor, row.expiresAt, mark);
  return actor;
}

export async function deleteSession(db: Db, cookie: string): Promise<void> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return;
  await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, parsed.tenantId), eq(sessions.tokenHash, parsed.tokenHash)));
  actorCache.invalidateSession(parsed.tokenHash);
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
