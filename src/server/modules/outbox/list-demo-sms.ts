import { and, desc, eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { demoSmsMessages } from '../../platform/outbox/schema.js';

/**
 * The demo phone: the last text messages the demo SMS provider "delivered", so that someone trying
 * the platform can read a verification code. Exists only while SMS_PROVIDER=demo.
 */
export async function listDemoSms(ctx: Ctx, input: { phone?: string }) {
  const actor = requireActor(ctx);
  if (ctx.config.smsProvider !== 'demo') throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .select({
      id: demoSmsMessages.id,
      phone: demoSmsMessages.phone,
      text: demoSmsMessages.text,
      createdAt: demoSmsMessages.createdAt,
    })
    .from(demoSmsMessages)
    .where(
      and(
        eq(demoSmsMessages.tenantId, actor.tenantId),
        input.phone ? eq(demoSmsMessages.phone, input.phone) : undefined,
      ),
    )
    .orderBy(desc(demoSmsMessages.id))
    .limit(50);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
