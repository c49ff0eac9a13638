import { and, eq, ne } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { actorCache } from './actor-cache.js';
import { hashPassword, verifyPassword } from './password.js';
import { sessions, users } from './schema.js';
import { parseSessionCookie } from './sessions.js';

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; currentSessionCookie: string | null },
) {
  const actor = requireActor(ctx);
  const [user] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw fieldError('body.currentPassword', '当前密码不正确', 'The current password is wrong');
  }
  if (input.currentPassword === input.newPassword)
    throw new AppError('PASSWORD_REUSED', [
      {
        field: 'body.newPassword',
        message: '新密码不能与原密码相同',
        messageEn: 'The new password must differ from the old one',
      },
    ]);
  const passwordHash = await hashPassword(input.newPassword);
  const keep = input.currentSessionCookie ? parseSessionCookie(input.currentSessionCookie)?.tokenHash : undefined;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false })
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
    await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.tenantId, actor.tenantId),
          eq(sessions.userId, actor.userId),
          keep ? ne(sessions.tokenHash, keep) : undefined,
        ),
      );
    await writeAudit(tx, auditContext(ctx), { action: 'password.change', entityType: 'user', entityId: actor.userId });
  });
  actorCache.invalidateUser(actor.userId);
}
