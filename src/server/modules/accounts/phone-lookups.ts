import { sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { phoneLookups } from './lookup-schema.js';

/**
 * Counts one phone look-up against the caller's daily quota, atomically (one upsert), and refuses
 * with RATE_LIMITED past PHONE_LOOKUPS_PER_DAY. Call it with the main handle before the use case's
 * transaction, so that a look-up that ends in an error still counts.
 */
export async function countPhoneLookup(ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  const day = new Date().toISOString().slice(0, 10);
  const [row] = await ctx.db
    .insert(phoneLookups)
    .values({ tenantId: ctx.tenantId, userId: actor.userId, day, count: 1 })
    .onConflictDoUpdate({
      target: [phoneLookups.tenantId, phoneLookups.userId, phoneLookups.day],
      set: { count: sql`${phoneLookups.count} + 1` },
    })
    .returning({ count: phoneLookups.count });
  if ((row?.count ?? 0) > ctx.config.PHONE_LOOKUPS_PER_DAY)
    throw new AppError('RATE_LIMITED', undefined, {
      message: '今日按手机号查找用户的次数已达上限，请明天再试',
      messageEn: 'You have looked up too many phone numbers today; try again tomorrow',
    });
}
