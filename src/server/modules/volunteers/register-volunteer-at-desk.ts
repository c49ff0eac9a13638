import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { type Actor, inScope, regionScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { actorCache, countPhoneLookup, createUser, hashPassword, phoneInUse } from '../accounts/index.js';
import { CURRENT_CONSENT_VERSION, type registerAtDeskBody } from './contract.js';
import { insertVolunteer, withUniqueAnswers } from './create-volunteer.js';
import { getVolunteer } from './get-volunteer.js';
import { checkAgeRules } from './minors.js';
import { checkProfileRefs, findCommunity } from './profile-refs.js';
import { checkConsentVersion, communityError } from './register-volunteer-online.js';

const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';

/** A one-time password that is easy to read out and type: five letters and three digits, shuffled (≈ 31 bits). */
export function initialPassword(): string {
  const chars = [
    ...Array.from({ length: 5 }, () => LETTERS[randomInt(LETTERS.length)] as string),
    ...Array.from({ length: 3 }, () => DIGITS[randomInt(DIGITS.length)] as string),
  ];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/** The keeper's own community when they hold exactly one, so the desk form can leave it out. */
export function defaultCommunity(actor: Actor): string | null {
  const roots = regionScope(actor);
  return roots.length === 1 && roots[0]?.length === 12 ? roots[0] : null;
}

export const accountExistsError = () =>
  new AppError('CONFLICT', [
    {
      field: 'body.phone',
      message: '该手机号已有账号，不能代为登记。请本人登录后在「我的」页面申请成为志愿者，再由站点审核通过',
      messageEn:
        'This phone already has an account, which staff cannot change. The owner signs in and applies under “Me”; then approve the application',
    },
  ]);

/**
 * A station keeper (or any staff member) registers a walk-in volunteer. The person showed their
 * ID card at the desk, so the profile is active at once. Desk registration only ever creates a new
 * account, with a one-time password returned once to the keeper that must be changed at first
 * sign-in: an existing account (a resident's, a judge's, an admin's) is never given a name and ID
 * number by someone else; its owner applies from their own account instead.
 */
export async function registerVolunteerAtDesk(ctx: Ctx, input: z.infer<typeof registerAtDeskBody>) {
  const actor = requireActor(ctx);
  checkConsentVersion(input.consentVersion);
  const regionCode = input.regionCode ?? defaultCommunity(actor);
  if (!regionCode)
    throw fieldError('body.regionCode', '请选择志愿者所属社区', 'Choose the community the volunteer belongs to');
  const community = inScope(actor, regionCode) ? await findCommunity(ctx.db, ctx.tenantId, regionCode) : null;
  if (!community) throw communityError();
  const refs = await checkProfileRefs(ctx.db, ctx.tenantId, input);
  const guardian = await checkAgeRules(ctx, input.idNumber, input.guardian);

  await countPhoneLookup(ctx);
  if (await phoneInUse(ctx.db, ctx.tenantId, input.phone)) throw accountExistsError();
  const password = initialPassword();
  const passwordHash = await hashPassword(password);

  const created = await withUniqueAnswers(
    () =>
      ctx.db.transaction(async (tx) => {
        const user = await createUser(tx, ctx.tenantId, {
          phone: input.phone,
          displayName: input.name,
          passwordHash,
          mustChangePassword: true,
        });
        const volunteer = await insertVolunteer(tx, ctx, {
          userId: user.id,
          name: input.name,
          idNumber: input.idNumber,
          regionCode: community.code,
          status: 'active',
          channel: 'desk',
          registeredBy: actor.userId,
          consentVersion: CURRENT_CONSENT_VERSION,
          ...refs,
          address: input.address,
          intro: input.intro,
          guardian,
        });
        return { ...volunteer, userId: user.id };
      }),
    accountExistsError,
  );
  actorCache.invalidateUser(created.userId);
  return {
    volunteer: await getVolunteer(ctx, created.id),
    initialPassword: password,
    accountExisted: false,
  };
}
