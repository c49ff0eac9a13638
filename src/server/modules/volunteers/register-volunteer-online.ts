import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { checkSmsCode, wrongCode } from '../../platform/sms-code.js';
import { createUser, hashPassword, phoneInUse } from '../accounts/index.js';
import { type becomeVolunteerBody, CURRENT_CONSENT_VERSION, type registerOnlineBody } from './contract.js';
import { insertVolunteer, type NewVolunteer, withUniqueAnswers } from './create-volunteer.js';
import { checkAgeRules } from './minors.js';
import { checkProfileRefs, findCommunity } from './profile-refs.js';
import { registrationCodes } from './schema.js';

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
 * What every online application checks before anything is written (the agreement's version, the
 * community, skills and areas, the age rules), and the profile it inserts for the applicant's
 * account: pending until the community reviews it, unless VOLUNTEER_AUTO_ACTIVATE.
 */
export async function checkOnlineApplication(
  ctx: Ctx,
  input: z.infer<typeof becomeVolunteerBody>,
): Promise<(userId: string) => NewVolunteer> {
  checkConsentVersion(input.consentVersion);
  const community = await findCommunity(ctx.db, ctx.tenantId, input.regionCode);
  if (!community) throw fieldError('body.regionCode', '所选社区不存在', 'No such community');
  const refs = await checkProfileRefs(ctx.db, ctx.tenantId, input);
  const guardian = await checkAgeRules(ctx, input.idNumber, input.guardian);
  return (userId) => ({
    userId,
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
}

/**
 * Online self-registration: creates the account (phone + password) and the volunteer profile.
 * Rule: an online registration is `pending` until a staff member of the home community reviews it
 * (the check digit proves the number is well-formed, not that it is the registrant's);
 * VOLUNTEER_AUTO_ACTIVATE=true activates at once.
 *
 * Nothing here answers a stranger whether a phone or an ID number is registered: the code sent to
 * the phone (request-registration-code.ts) proves the caller holds it (a registered phone never
 * gets a usable code), and the code is used up before the ID number is looked at, so every try of
 * an ID number costs a phone the caller holds and one SMS a minute. Whoever finds their own ID
 * number taken is told to bring their ID card to the station (the keeper resolves it, audited).
 */
export async function registerVolunteerOnline(ctx: Ctx, input: z.infer<typeof registerOnlineBody>) {
  const profileOf = await checkOnlineApplication(ctx, input);
  await consumeRegistrationCode(ctx, input.phone, input.code);
  // Only a race (another registration of the same phone since the code was sent) ends here.
  if (await phoneInUse(ctx.db, ctx.tenantId, input.phone)) throw wrongCode();
  const passwordHash = await hashPassword(input.password);

  return withUniqueAnswers(
    () =>
      ctx.db.transaction(async (tx) => {
        const user = await createUser(tx, ctx.tenantId, { phone: input.phone, displayName: input.name, passwordHash });
        const self = { tenantId: ctx.tenantId, userId: user.id, displayName: input.name, grants: [] };
        const volunteer = await insertVolunteer(tx, { ...ctx, actor: self }, profileOf(user.id));
        return { userId: user.id, volunteerId: volunteer.id };
      }),
    wrongCode,
    idTakenOnline,
  );
}

/** Checks the phone's latest code (attempts counted atomically) and uses it up. */
async function consumeRegistrationCode(ctx: Ctx, phone: string, code: string) {
  const { tenantId } = ctx;
  const open = isNull(registrationCodes.usedAt);
  const [row] = await ctx.db
    .select()
    .from(registrationCodes)
    .where(and(eq(registrationCodes.tenantId, tenantId), eq(registrationCodes.phone, phone), open))
    .orderBy(desc(registrationCodes.createdAt))
    .limit(1);
  if (!row) throw wrongCode();
  await checkSmsCode(ctx.db, registrationCodes, open, row, code);
  const used = await ctx.db
    .update(registrationCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(registrationCodes.tenantId, tenantId), eq(registrationCodes.id, row.id), open))
    .returning({ id: registrationCodes.id });
  if (used.length === 0) throw wrongCode();
}

/** Told only to someone who has just proved they hold a phone, once per code. */
const idTakenOnline = () =>
  new AppError('CONFLICT', [
    {
      field: 'body.idNumber',
      message: '该身份证号已登记。如非您本人登记，请携带身份证到所属社区站点，由工作人员核实处理',
      messageEn:
        'This ID number is already registered. If it was not you, bring your ID card to your community station to have it resolved',
    },
  ]);
