import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { actorCache } from '../accounts/index.js';
import { type becomeVolunteerBody, CURRENT_CONSENT_VERSION } from './contract.js';
import { insertVolunteer, withUniqueAnswers } from './create-volunteer.js';
import { checkAgeRules } from './minors.js';
import { checkProfileRefs, findCommunity } from './profile-refs.js';
import { checkConsentVersion } from './register-volunteer-online.js';
import { volunteers } from './schema.js';

/** A signed-in user (e.g. a resident) applies to become a volunteer; same review rule as online registration. */
export async function becomeVolunteer(ctx: Ctx, input: z.infer<typeof becomeVolunteerBody>) {
  const actor = requireActor(ctx);
  checkConsentVersion(input.consentVersion);
  const community = await findCommunity(ctx.db, ctx.tenantId, input.regionCode);
  if (!community) throw fieldError('body.regionCode', '所选社区不存在', 'No such community');
  const refs = await checkProfileRefs(ctx.db, ctx.tenantId, input);
  const guardian = await checkAgeRules(ctx, input.idNumber, input.guardian);
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
      return insertVolunteer(tx, ctx, {
        userId: actor.userId,
        name: input.name,
        idNumber: input.idNumber,
        regionCode: community.code,
        status: ctx.config.VOLUNTEER_AUTO_ACTIVATE ? 'active' : 'pending',
        channel: 'online',
        registeredBy: null,
        consentVersion: CURRENT_CONSENT_VERSION,
        ...refs,
        address: input.address,
        intro: input.intro,
        guardian,
      });
    }),
  );
  actorCache.invalidateUser(actor.userId); // the volunteer role is theirs from the next request
  return created;
}
