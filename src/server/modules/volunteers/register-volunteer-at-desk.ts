import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, inScope, regionScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { actorCache, createUser, hashPassword, users } from '../accounts/index.js';
import { CURRENT_CONSENT_VERSION, type registerAtDeskBody } from './contract.js';
import { insertVolunteer, withUniqueAnswers } from './create-volunteer.js';
import { getVolunteer } from './get-volunteer.js';
import { checkProfileRefs, findCommunity } from './profile-refs.js';
import { checkConsentVersion, communityError } from './register-volunteer-online.js';
import { volunteers } from './schema.js';

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

/**
 * A station keeper (or any staff member) registers a walk-in volunteer. The person showed their
 * ID card at the desk, so the profile is active at once. A new account gets a one-time password,
 * returned once to the keeper, that must be changed at first sign-in; a phone that already has an
 * account (e.g. a resident's) gets the profile attached and keeps its password.
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

  const [existing] = await ctx.db
    .select({ id: users.id, volunteerId: volunteers.id })
    .from(users)
    .leftJoin(volunteers, and(eq(volunteers.tenantId, users.tenantId), eq(volunteers.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.phone, input.phone)));
  if (existing?.volunteerId)
    throw new AppError('CONFLICT', [
      {
        field: 'body.phone',
        message: '该手机号已登记为志愿者',
        messageEn: 'This phone already belongs to a volunteer',
      },
    ]);
  const password = existing ? null : initialPassword();
  const passwordHash = password ? await hashPassword(password) : null;

  const created = await withUniqueAnswers(() =>
    ctx.db.transaction(async (tx) => {
      let userId = existing?.id;
      if (!userId) {
        const user = await createUser(tx, ctx.tenantId, {
          phone: input.phone,
          displayName: input.name,
          passwordHash: passwordHash as string,
          mustChangePassword: true,
        });
        userId = user.id;
      }
      const volunteer = await insertVolunteer(tx, ctx, {
        userId,
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
      });
      return { ...volunteer, userId };
    }),
  );
  actorCache.invalidateUser(created.userId);
  return {
    volunteer: await getVolunteer(ctx, created.id),
    initialPassword: password,
    accountExisted: Boolean(existing),
  };
}
