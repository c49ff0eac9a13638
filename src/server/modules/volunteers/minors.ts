/** Registration of minors: the tenant's age limits and the guardian's consent (rules in src/shared/age-rules.ts). */
import { and, desc, eq } from 'drizzle-orm';
import {
  type AgeRules,
  ageClass,
  ageMessages,
  DEFAULT_AGE_RULES,
  type GuardianRelation,
  todayIn,
} from '../../../shared/age-rules.js';
import { parseIdNumber } from '../../../shared/id-card.js';
import { maskPhone } from '../../../shared/phone.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { fieldError } from '../../platform/errors.js';
import { piiFor } from '../../platform/pii.js';
import { volunteerGuardianConsents, volunteerSettings } from './schema.js';

export interface Guardian {
  name: string;
  phone: string;
  relation: GuardianRelation;
}

export async function readAgeRules(db: Db, tenantId: string): Promise<AgeRules> {
  const [row] = await db.select().from(volunteerSettings).where(eq(volunteerSettings.tenantId, tenantId));
  return row ? { adultAge: row.adultAge, minAgeOnOwn: row.minAgeOnOwn } : DEFAULT_AGE_RULES;
}

/**
 * Applies the age rules to the person an ID number belongs to, today in Asia/Shanghai: a child
 * below the tenant's minimum is refused (they join through a volunteer family), a minor needs the
 * guardian's consent. Answers the guardian to record (null for an adult, whose form sends none).
 */
export async function checkAgeRules(
  ctx: Pick<Ctx, 'db' | 'tenantId'>,
  idNumber: string,
  guardian: Guardian | undefined,
  timeZone = 'Asia/Shanghai',
): Promise<Guardian | null> {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) return null; // the contract has refused it already
  const rules = await readAgeRules(ctx.db, ctx.tenantId);
  const kind = ageClass(parsed.info.birthDate, todayIn(timeZone), rules);
  if (kind === 'adult') return null;
  if (kind === 'child') throw fieldError('body.idNumber', ...ageMessages.child(rules));
  if (!guardian) throw fieldError('body.guardian', ...ageMessages.guardian(rules));
  return guardian;
}

/**
 * The age rules again when staff correct an ID number (so the birth date): a child is refused; a
 * minor needs a guardian's consent, the one sent with the correction or one already recorded.
 * Answers the guardian to record (null when nothing new is to be recorded).
 */
export async function recheckAgeRules(
  ctx: Pick<Ctx, 'db' | 'config' | 'tenantId'>,
  volunteerId: string,
  idNumber: string,
  guardian: Guardian | undefined,
): Promise<Guardian | null> {
  if (guardian) return checkAgeRules(ctx, idNumber, guardian);
  try {
    return await checkAgeRules(ctx, idNumber, undefined);
  } catch (err) {
    const needsGuardian = (err as { details?: { field: string }[] }).details?.[0]?.field === 'body.guardian';
    if (needsGuardian && (await guardianOf(ctx, volunteerId))) return null;
    throw err;
  }
}

/** Records the guardian's consent inside the registration's transaction; the phone only sealed. */
export async function recordGuardianConsent(
  tx: Db,
  ctx: Pick<Ctx, 'config' | 'tenantId'>,
  input: { volunteerId: string; guardian: Guardian; channel: 'online' | 'desk' | 'import'; recordedBy: string | null },
) {
  await tx.insert(volunteerGuardianConsents).values({
    tenantId: ctx.tenantId,
    volunteerId: input.volunteerId,
    guardianName: input.guardian.name,
    guardianPhoneSealed: piiFor(ctx.config).encrypt(input.guardian.phone, ctx.tenantId),
    relation: input.guardian.relation,
    channel: input.channel,
    recordedBy: input.recordedBy,
  });
}

/** The latest guardian consent of a volunteer, phone masked (staff and owner views). */
export async function guardianOf(ctx: Pick<Ctx, 'db' | 'config' | 'tenantId'>, volunteerId: string) {
  const [row] = await ctx.db
    .select()
    .from(volunteerGuardianConsents)
    .where(
      and(eq(volunteerGuardianConsents.tenantId, ctx.tenantId), eq(volunteerGuardianConsents.volunteerId, volunteerId)),
    )
    .orderBy(desc(volunteerGuardianConsents.consentedAt))
    .limit(1);
  if (!row) return null;
  return {
    name: row.guardianName,
    phoneMasked: maskPhone(piiFor(ctx.config).decrypt(row.guardianPhoneSealed, ctx.tenantId)),
    relation: row.relation,
    consentedAt: row.consentedAt.toISOString(),
  };
}
