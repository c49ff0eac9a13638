/**
 * Setting a password with a code sent by SMS: for a forgotten password, and for accounts that never
 * had one (volunteers created by bulk import). Asking for a code answers the same whether or not
 * the phone has an account, so the endpoint does not tell who is registered. Codes are stored
 * hashed, live 10 minutes, allow 5 attempts; a phone gets at most one code per minute.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { sendSms } from '../../platform/outbox/sms.js';
import { actorCache } from './actor-cache.js';
import { hashPassword } from './password.js';
import { passwordResets, sessions, users } from './schema.js';

const CODE_MINUTES = 10;
const MAX_ATTEMPTS = 5;
const RESEND_SECONDS = 60;

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');
const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function activeUser(ctx: Ctx, phone: string) {
  const [user] = await ctx.db
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.phone, phone)));
  return user?.status === 'active' ? user : null;
}

export async function requestPasswordReset(ctx: Ctx, input: { phone: string }) {
  const user = await activeUser(ctx, input.phone);
  if (!user) return;
  const [recent] = await ctx.db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tenantId, ctx.tenantId),
        eq(passwordResets.userId, user.id),
        gt(passwordResets.createdAt, new Date(Date.now() - RESEND_SECONDS * 1000)),
      ),
    )
    .limit(1);
  if (recent) return;
  const id = crypto.randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tenantId: ctx.tenantId,
      id,
      userId: user.id,
      codeHash: hashCode(id, code),
      expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
    });
    await sendSms(tx, {
      tenantId: ctx.tenantId,
      phone: input.phone,
      template: 'verification_code',
      params: { code, minutes: String(CODE_MINUTES) },
    });
  });
}

export async function confirmPasswordReset(ctx: Ctx, input: { phone: string; code: string; newPassword: string }) {
  const codeError = () => fieldError('body.code', '验证码不正确或已过期', 'Wrong or expired code');
  const user = await activeUser(ctx, input.phone);
  if (!user) throw codeError();
  const [reset] = await ctx.db
    .select()
    .from(passwordResets)
    .where(
      and(eq(passwordResets.tenantId, ctx.tenantId), eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)),
    )
    .orderBy(desc(passwordResets.createdAt))
    .limit(1);
  if (!reset || reset.expiresAt < new Date()) throw codeError();
  // Count the attempt before comparing, in one conditional update: concurrent guesses cannot overrun the limit.
  const counted = await ctx.db
    .update(passwordResets)
    .set({ attempts: sql`${passwordResets.attempts} + 1` })
    .where(
      and(
        eq(passwordResets.tenantId, ctx.tenantId),
        eq(passwordResets.id, reset.id),
        isNull(passwordResets.usedAt),
        lt(passwordResets.attempts, MAX_ATTEMPTS),
      ),
    )
    .returning({ attempts: passwordResets.attempts });
  if (counted.length === 0 || !sameCode(hashCode(reset.id, input.code), reset.codeHash)) throw codeError();
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false })
      .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, user.id)));
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(eq(passwordResets.tenantId, ctx.tenantId), eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)),
      )
      .returning({ id: passwordResets.id });
    if (used.length === 0) throw codeError();
    await tx.delete(sessions).where(and(eq(sessions.tenantId, ctx.tenantId), eq(sessions.userId, user.id)));
    await writeAudit(
      tx,
      { tenantId: ctx.tenantId, actorId: user.id, ip: ctx.ip, requestId: ctx.requestId },
      {
        action: 'password.reset',
        entityType: 'user',
        entityId: user.id,
      },
    );
  });
  actorCache.invalidateUser(user.id);
}
