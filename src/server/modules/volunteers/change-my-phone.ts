/**
 * Changing the sign-in phone: a 6-digit code goes to the new number through the SMS adapter;
 * entering it proves the volunteer holds that phone. Codes are stored hashed, live 10 minutes,
 * allow 5 attempts, and one may be requested per minute. Asking answers the same whether or not
 * the new number has an account (so it tells no one who is registered); only someone who holds
 * the number, and enters its code, is told that it belongs to another account.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { maskPhone } from '../../../shared/phone.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { checkSmsCode, sendSmsCode, smsCodeSentRecently, wrongCode } from '../../platform/sms-code.js';
import { phoneInUse, setUserPhone, USERS_PHONE_INDEX, users } from '../accounts/index.js';
import { phoneChangeRequests, volunteers } from './schema.js';

const phoneTaken = (field: string) =>
  new AppError('CONFLICT', [
    { field, message: '该手机号已被其他账号使用', messageEn: 'This phone number belongs to another account' },
  ]);

async function assertPhoneFree(ctx: Ctx, phone: string, field: string) {
  if (await phoneInUse(ctx.db, ctx.tenantId, phone)) throw phoneTaken(field);
}

export async function requestPhoneChange(ctx: Ctx, input: { newPhone: string }) {
  const actor = requireActor(ctx);
  if (await smsCodeSentRecently(ctx.db, phoneChangeRequests, ctx.tenantId, actor.userId)) {
    throw new AppError('RATE_LIMITED');
  }
  const { id, expiresAt } = await sendSmsCode(ctx, input.newPhone, (tx, code) =>
    tx
      .insert(phoneChangeRequests)
      .values({ tenantId: ctx.tenantId, userId: actor.userId, newPhone: input.newPhone, ...code }),
  );
  return { requestId: id, expiresAt: expiresAt.toISOString() };
}

export async function confirmPhoneChange(ctx: Ctx, input: { requestId: string; code: string }) {
  const actor = requireActor(ctx);
  const [request] = await ctx.db
    .select()
    .from(phoneChangeRequests)
    .where(
      and(
        eq(phoneChangeRequests.tenantId, ctx.tenantId),
        eq(phoneChangeRequests.id, input.requestId),
        eq(phoneChangeRequests.userId, actor.userId),
        isNull(phoneChangeRequests.confirmedAt),
      ),
    )
    .orderBy(desc(phoneChangeRequests.createdAt));
  if (!request) throw wrongCode();
  await checkSmsCode(ctx.db, phoneChangeRequests, isNull(phoneChangeRequests.confirmedAt), request, input.code);
  await assertPhoneFree(ctx, request.newPhone, 'body.code');
  const [user] = await ctx.db
    .select({ phone: users.phone })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, actor.userId)));
  const [volunteer] = await ctx.db
    .select({ id: volunteers.id, regionCode: volunteers.regionCode })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, ctx.tenantId), eq(volunteers.userId, actor.userId)));
  await ctx.db
    .transaction(async (tx) => {
      await setUserPhone(tx, ctx.tenantId, actor.userId, request.newPhone);
      const confirmed = await tx
        .update(phoneChangeRequests)
        .set({ confirmedAt: new Date() })
        .where(
          and(
            eq(phoneChangeRequests.tenantId, ctx.tenantId),
            eq(phoneChangeRequests.id, request.id),
            isNull(phoneChangeRequests.confirmedAt),
          ),
        )
        .returning({ id: phoneChangeRequests.id });
      if (confirmed.length === 0) throw wrongCode();
      await writeAudit(tx, auditContext(ctx), {
        action: 'account.phone_change',
        entityType: volunteer ? 'volunteer' : 'user',
        entityId: volunteer?.id ?? actor.userId,
        regionCode: volunteer?.regionCode ?? null,
        detail: { from: user ? maskPhone(user.phone) : null, to: maskPhone(request.newPhone) },
      });
    })
    .catch((err) => {
      throw isUniqueViolation(err, USERS_PHONE_INDEX) ? phoneTaken('body.code') : err;
    });
  return { phone: request.newPhone };
}
