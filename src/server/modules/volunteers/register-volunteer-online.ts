import type { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { createUser, hashPassword, phoneInUse } from '../accounts/index.js';
import { CURRENT_CONSENT_VERSION, type registerOnlineBody } from './contract.js';
import { insertVolunteer, phoneTakenError, withUniqueAnswers } from './create-volunteer.js';
import { checkProfileRefs, findCommunity } from './profile-refs.js';

export function checkConsentVersion(version: string | undefined) {
  if (version !== undefined && version !== CURRENT_CONSENT_VERSION)
    throw fieldError(
      'body.consentVersion',
      '志愿者服务承诺书已更新，请刷新页面后重新阅读并确认',
      'The agreement has changed; reload the page and accept the current version',
    );
}

export const communityError = (field = 'body.regionCode') =>
  fieldError(field, '所选社区不存在或不在您的管辖范围内', 'No such community in your scope');

/**
 * Online self-registration: creates the account (phone + password) and the volunteer profile.
 * Rule: an online registration is `pending` until a staff member of the home community reviews it
 * (the check digit proves the number is well-formed, not that it is the registrant's);
 * VOLUNTEER_AUTO_ACTIVATE=true activates at once.
 */
export async function registerVolunteerOnline(ctx: Ctx, input: z.infer<typeof registerOnlineBody>) {
  checkConsentVersion(input.consentVersion);
  const community = await findCommunity(ctx.db, ctx.tenantId, input.regionCode);
  if (!community) throw fieldError('body.regionCode', '所选社区不存在', 'No such community');
  const refs = await checkProfileRefs(ctx.db, ctx.tenantId, input);
  if (await phoneInUse(ctx.db, ctx.tenantId, input.phone)) throw phoneTakenError();
  const passwordHash = await hashPassword(input.password);

  return withUniqueAnswers(() =>
    ctx.db.transaction(async (tx) => {
      const user = await createUser(tx, ctx.tenantId, { phone: input.phone, displayName: input.name, passwordHash });
      const self = { tenantId: ctx.tenantId, userId: user.id, displayName: input.name, grants: [] };
      const volunteer = await insertVolunteer(
        tx,
        { ...ctx, actor: self },
        {
          userId: user.id,
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
        },
      );
      return { userId: user.id, volunteerId: volunteer.id };
    }),
  );
}
