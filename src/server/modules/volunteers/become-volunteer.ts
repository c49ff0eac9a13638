import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { actorCache } from '../accounts/index.js';
import type { becomeVolunteerBody } from './contract.js';
import { insertVolunteer, withUniqueAnswers } from './create-volunteer.js';
import { checkOnlineApplication } from './register-volunteer-online.js';
import { volunteers } from './schema.js';

/** A signed-in user (e.g. a resident) applies to become a volunteer; same review rule as online registration. */
export async function becomeVolunteer(ctx: Ctx, input: z.infer<typeof becomeVolunteerBody>) {
  const actor = requireActor(ctx);
  const profileOf = await checkOnlineApplication(ctx, input);
  const created = await withUniqueAnswers(() =>
    ctx.db.transaction(async (tx) => {
      const [mine] = await tx
        .select({ id: volunteers.id })
        .from(volunteers)
        .where(and(eq(volunteers.tenantId, ctx.tenantId), eq(volunteers.userId, actor.userId)));
      if (mine)
        throw new AppError('CONFLICT', [], {
          message: '您已经是志愿者',
          messageEn: 'You are already registered as a volunteer',
        });
      return insertVolunteer(tx, ctx, profileOf(actor.userId));
    }),
  );
  actorCache.invalidateUser(actor.userId); // the volunteer role is theirs from the next request
  return created;
}
