/**
 * Step one of online registration: a code to the phone. The answer is the same whether or not the
 * phone has an account (a careful bank's habit): a free phone gets the code; a registered phone
 * gets a message that it is registered and how to sign in, and no code, so only the person who
 * holds the phone learns it. A phone gets at most one message a minute, registered or not.
 */
import { and, desc, eq } from 'drizzle-orm';
import { maskPhone } from '../../../shared/phone.js';
import type { Ctx } from '../../platform/context.js';
import { sendSmsCode, sentRecently } from '../../platform/sms-code.js';
import { phoneInUse } from '../accounts/index.js';
import { registrationCodes } from './schema.js';

export const REGISTRATION_RESEND_SECONDS = 60;

export async function requestRegistrationCode(ctx: Ctx, input: { phone: string }) {
  const { tenantId } = ctx;
  const toPhone = eq(registrationCodes.phone, input.phone);
  if (!(await sentRecently(ctx.db, registrationCodes, tenantId, toPhone))) {
    const taken = await phoneInUse(ctx.db, tenantId, input.phone);
    await sendSmsCode(
      ctx,
      input.phone,
      (tx, code) => tx.insert(registrationCodes).values({ tenantId, phone: input.phone, ...code }),
      taken ? { template: 'already_registered', params: {} } : undefined,
    );
  }
  const [latest] = await ctx.db
    .select({ expiresAt: registrationCodes.expiresAt })
    .from(registrationCodes)
    .where(and(eq(registrationCodes.tenantId, tenantId), toPhone))
    .orderBy(desc(registrationCodes.createdAt))
    .limit(1);
  return {
    sentTo: maskPhone(input.phone),
    expiresAt: (latest?.expiresAt ?? new Date()).toISOString(),
    resendAfterSeconds: REGISTRATION_RESEND_SECONDS,
  };
}
