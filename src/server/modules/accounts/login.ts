import { and, count, eq, gt } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { timingDummyHash, verifyPassword } from './password.js';
import { loginAttempts, users } from './schema.js';
import { createSession } from './sessions.js';

export interface LoginInput {
  phone: string;
  password: string;
  userAgent: string | null;
}

/** Phone + password sign-in. A phone with too many recent failures is locked for a while. */
export async function login(ctx: Ctx, input: LoginInput) {
  const { db, tenantId, config } = ctx;
  const since = new Date(Date.now() - config.LOGIN_LOCK_MINUTES * 60_000);
  const [failures] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.tenantId, tenantId),
        eq(loginAttempts.phone, input.phone),
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, since),
      ),
    );
  if ((failures?.n ?? 0) >= config.LOGIN_MAX_FAILURES) throw new AppError('LOGIN_LOCKED');

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.phone, input.phone)));
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const success = Boolean(user && ok && user.status === 'active');
  await db.insert(loginAttempts).values({ tenantId, phone: input.phone, ip: ctx.ip, success });
  if (!success || !user) throw new AppError('INVALID_CREDENTIALS');

  return createSession(db, {
    tenantId,
    userId: user.id,
    ttlHours: config.SESSION_TTL_HOURS,
    ip: ctx.ip,
    userAgent: input.userAgent,
  });
}
