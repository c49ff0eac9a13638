/**
 * Setting a password with a code sent by SMS: for a forgotten password, and for accounts that never
 * had one (volunteers created by bulk import). Asking for a code answers the same whether or not
 * the phone has an account, so the endpoint does not tell who is registered. Codes are stored
 * hashed, live 10 minutes, allow 5 attempts; a phone gets at most one code per minute.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { checkSmsCode, sendSmsCode, smsCodeSentRecently, wrongCode } from '../../platform/sms-code.js';
import { actorCache } from './actor-cache.js';
import { hashPassword } from './password.js';
import { passwordResets, sessions, users } from './schema.js';
import { userByPhone } from './user-by-phone.js';

export async function requestPasswordReset(ctx: Ctx, input: { phone: string }) {
  const user = await userByPhone(ctx.db, ctx.tenantId, input.phone);
  if (!user || (await smsCodeSentRecently(ctx.db, passwordResets, ctx.tenantId, user.id))) return;
  await sendSmsCode(ctx, input.phone, (tx, code) =>
    tx.insert(passwordResets).values({ tenantId: ctx.tenantId, userId: user.id, ...code }),
  );
}

export async function confirmPasswordReset(ctx: Ctx, input: { phone: string; code: string; newPassword: string }) {
  const user = await userByPhone(ctx.db, ctx.tenantId, input.phone);
  if (!user) throw wrongCode();
  const [reset] = await ctx.db
    .select()
    .from(passwordResets)
    .where(
      and(eq(passwordResets.tenantId, ctx.tenantId), eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)),
    )
    .orderBy(desc(passwordResets.createdAt))
    .limit(1);
  if (!reset) throw wrongCode();
  await checkSmsCode(ctx.db, passwordResets, isNull(passwordResets.usedAt), reset, input.code);
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
    if (used.length === 0) throw wrongCode();
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
