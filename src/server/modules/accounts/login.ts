import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { timingDummyHash, verifyPassword } from './password.js';
import { loginAttempts, loginThrottles, users } from './schema.js';
import { createSession } from './sessions.js';

export interface LoginInput {
  phone: string;
  password: string;
  userAgent: string | null;
}

/**
 * Takes one of the phone's LOGIN_MAX_FAILURES slots before the password is checked, in a single
 * conditional upsert, so that however many guesses arrive at once at most that many are checked.
 * False: the phone is locked.
 */
async function takeAttemptSlot(db: Db, tenantId: string, phone: string, config: Ctx['config']): Promise<boolean> {
  const expired = sql`${loginThrottles.lastFailureAt} <= now() - make_interval(mins => ${config.LOGIN_LOCK_MINUTES})`;
  const taken = await db
    .insert(loginThrottles)
    .values({ tenantId, phone, failures: 1 })
    .onConflictDoUpdate({
      target: [loginThrottles.tenantId, loginThrottles.phone],
      set: {
        failures: sql`case when ${expired} then 1 else ${loginThrottles.failures} + 1 end`,
        lastFailureAt: sql`now()`,
      },
      setWhere: sql`${loginThrottles.failures} < ${config.LOGIN_MAX_FAILURES} or ${expired}`,
    })
    .returning({ failures: loginThrottles.failures });
  return taken.length > 0;
}

/** Phone + password sign-in. A phone with too many recent failures is locked for a while. */
export async function login(ctx: Ctx, input: LoginInput) {
  const { db, tenantId, config } = ctx;
  if (!(await takeAttemptSlot(db, tenantId, input.phone, config))) throw new AppError('LOGIN_LOCKED');

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.phone, input.phone)));
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const success = Boolean(user && ok && user.status === 'active');
  await db.insert(loginAttempts).values({ tenantId, phone: input.phone, ip: ctx.ip, success });
  if (!success || !user) throw new AppError('INVALID_CREDENTIALS');
  // A success gives its slot back; failures before it still count within the lock window.
  await db
    .update(loginThrottles)
    .set({ failures: sql`greatest(${loginThrottles.failures} - 1, 0)` })
    .where(and(eq(loginThrottles.tenantId, tenantId), eq(loginThrottles.phone, input.phone)));

  return createSession(db, {
    tenantId,
    userId: user.id,
    ttlHours: config.SESSION_TTL_HOURS,
    ip: ctx.ip,
    userAgent: input.userAgent,
  });
}
