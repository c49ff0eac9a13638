/**
 * Changing the sign-in phone: a 6-digit code goes to the new number through the SMS adapter;
 * entering it proves the volunteer holds that phone. Codes are stored hashed, live 10 minutes,
 * allow 5 attempts, and one may be requested per minute.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { maskPhone } from '../../../shared/id-card.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { sendSms } from '../../platform/outbox/sms.js';
import { setUserPhone, USERS_PHONE_INDEX, users } from '../accounts/index.js';
import { phoneChangeRequests, volunteers } from './schema.js';

const CODE_MINUTES = 10;
const MAX_ATTEMPTS = 5;
const RESEND_SECONDS = 60;

const hashCode = (requestId: string, code: string) => createHash('sha256').update(`${requestId}:${code}`).digest('hex');
const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const phoneInUse = (field: string) =>
  new AppError('CONFLICT', [
    { field, message: '该手机号已被其他账号使用', messageEn: 'This phone number belongs to another account' },
  ]);

async function assertPhoneFree(ctx: Ctx, phone: string, field: string) {
  const [taken] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.phone, phone)));
  if (taken) throw phoneInUse(field);
}

export async function requestPhoneChange(ctx: Ctx, input: { newPhone: string }) {
  const actor = requireActor(ctx);
  await assertPhoneFree(ctx, input.newPhone, 'body.newPhone');
  const [recent] = await ctx.db
    .select({ id: phoneChangeRequests.id })
    .from(phoneChangeRequests)
    .where(
      and(
        eq(phoneChangeRequests.tenantId, ctx.tenantId),
        eq(phoneChangeRequests.userId, actor.userId),
        gt(phoneChangeRequests.createdAt, new Date(Date.now() - RESEND_SECONDS * 1000)),
      ),
    )
    .limit(1);
  if (recent) throw new AppError('RATE_LIMITED');
  const id = crypto.randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(Date.now() + CODE_MINUTES * 60_000);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(phoneChangeRequests).values({
      tenantId: ctx.tenantId,
      id,
      userId: actor.userId,
      newPhone: input.newPhone,
      codeHash: hashCode(id, code),
      expiresAt,
    });
    await sendSms(tx, {
      tenantId: ctx.tenantId,
      phone: input.newPhone,
      template: 'verification_code',
      params: { code, minutes: String(CODE_MINUTES) },
    });
  });
  return { requestId: id, expiresAt: expiresAt.toISOString() };
}

export async function confirmPhoneChange(ctx: Ctx, input: { requestId: string; code: string }) {
  const actor = requireActor(ctx);
  const codeError = () => fieldError('body.code', '验证码不正确或已过期', 'Wrong or expired code');
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
  if (!request || request.expiresAt < new Date()) throw codeError();
  // Count the attempt before comparing, in one conditional update: concurrent guesses cannot overrun the limit.
  const counted = await ctx.db
    .update(phoneChangeRequests)
    .set({ attempts: sql`${phoneChangeRequests.attempts} + 1` })
    .where(
      and(
        eq(phoneChangeRequests.tenantId, ctx.tenantId),
        eq(phoneChangeRequests.id, request.id),
        isNull(phoneChangeRequests.confirmedAt),
        lt(phoneChangeRequests.attempts, MAX_ATTEMPTS),
      ),
    )
    .returning({ attempts: phoneChangeRequests.attempts });
  if (counted.length === 0 || !sameCode(hashCode(request.id, input.code), request.codeHash)) throw codeError();
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
      if (confirmed.length === 0) throw codeError();
      await writeAudit(tx, auditContext(ctx), {
        action: 'account.phone_change',
        entityType: volunteer ? 'volunteer' : 'user',
        entityId: volunteer?.id ?? actor.userId,
        regionCode: volunteer?.regionCode ?? null,
        detail: { from: user ? maskPhone(user.phone) : null, to: maskPhone(request.newPhone) },
      });
    })
    .catch((err) => {
      throw isUniqueViolation(err, USERS_PHONE_INDEX) ? phoneInUse('body.code') : err;
    });
  return { phone: request.newPhone };
}
