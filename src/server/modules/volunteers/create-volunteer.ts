/** The shared core of every way a volunteer profile comes into being (online, at the desk, from an account). */
import { and, eq } from 'drizzle-orm';
import { parseIdNumber } from '../../../shared/id-card.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { piiFor } from '../../platform/pii.js';
import { grantRole, USERS_PHONE_INDEX } from '../accounts/index.js';
import { type Guardian, recordGuardianConsent } from './minors.js';
import type { ResolvedAvailability } from './profile-refs.js';
import {
  type RegistrationChannel,
  type VolunteerStatus,
  volunteerAvailability,
  volunteerConsents,
  volunteerServiceAreas,
  volunteerSkills,
  volunteers,
} from './schema.js';
import { allocateVolunteerNumbers, yearIn } from './volunteer-number.js';

export interface NewVolunteer {
  userId: string;
  name: string;
  /** Already validated by the contract. */
  idNumber: string;
  regionCode: string;
  status: VolunteerStatus;
  channel: RegistrationChannel;
  registeredBy: string | null;
  consentVersion: string;
  skillCodes: string[];
  areaCodes: string[];
  availability: ResolvedAvailability[];
  address?: string | null;
  intro?: string | null;
  /** A minor's consenting guardian, from `checkAgeRules`. */
  guardian?: Guardian | null;
}

/** The pre-check's answer (idTakenError) or the unique index's, to be worded by the caller. */
const isIdTaken = (err: unknown) =>
  err instanceof AppError && err.code === 'CONFLICT' && err.details?.[0]?.field === 'body.idNumber';

export const idTakenError = () =>
  new AppError('CONFLICT', [
    { field: 'body.idNumber', message: '该身份证号已登记为志愿者', messageEn: 'This ID number is already registered' },
  ]);

/** The sealed form of an ID number: cipher text and keyed hash, plus the little kept in clear (birth year, gender). */
export function sealIdNumber(ctx: Ctx, idNumber: string) {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new Error('sealIdNumber needs a validated ID number');
  const pii = piiFor(ctx.config);
  return {
    idNumberSealed: pii.encrypt(parsed.info.number, ctx.tenantId),
    idNumberHash: pii.blindIndex(parsed.info.number, ctx.tenantId),
    birthYear: Number(parsed.info.birthDate.slice(0, 4)),
    gender: parsed.info.gender,
  };
}

/** Inserts one volunteer with its skills, areas, availability and consent, grants the volunteer role, audits. */
export async function insertVolunteer(tx: Db, ctx: Ctx, v: NewVolunteer): Promise<{ id: string; number: string }> {
  const sealed = sealIdNumber(ctx, v.idNumber);
  const [taken] = await tx
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, ctx.tenantId), eq(volunteers.idNumberHash, sealed.idNumberHash)));
  if (taken) throw idTakenError();

  const [number] = await allocateVolunteerNumbers(tx, {
    tenantId: ctx.tenantId,
    prefix: ctx.config.VOLUNTEER_NUMBER_PREFIX,
    year: yearIn('Asia/Shanghai'),
    count: 1,
  });
  if (!number) throw new Error('no volunteer number');
  const [row] = await tx
    .insert(volunteers)
    .values({
      tenantId: ctx.tenantId,
      userId: v.userId,
      number,
      name: v.name,
      ...sealed,
      regionCode: v.regionCode,
      status: v.status,
      registeredVia: v.channel,
      registeredBy: v.registeredBy,
      address: v.address || null,
      intro: v.intro || null,
    })
    .returning({ id: volunteers.id });
  if (!row) throw new Error('insert failed');
  const volunteerId = row.id;
  const tenantId = ctx.tenantId;
  if (v.skillCodes.length)
    await tx.insert(volunteerSkills).values(v.skillCodes.map((skillCode) => ({ tenantId, volunteerId, skillCode })));
  if (v.areaCodes.length)
    await tx
      .insert(volunteerServiceAreas)
      .values(v.areaCodes.map((regionCode) => ({ tenantId, volunteerId, regionCode })));
  if (v.availability.length)
    await tx.insert(volunteerAvailability).values(v.availability.map((a) => ({ tenantId, volunteerId, ...a })));
  await tx.insert(volunteerConsents).values({
    tenantId,
    volunteerId,
    version: v.consentVersion,
    channel: v.channel,
    recordedBy: v.registeredBy,
  });
  if (v.guardian)
    await recordGuardianConsent(tx, ctx, {
      volunteerId,
      guardian: v.guardian,
      channel: v.channel,
      recordedBy: v.registeredBy,
    });
  await grantRole(tx, tenantId, [v.userId], 'volunteer');
  await writeAudit(tx, auditContext(ctx), {
    action: 'volunteer.register',
    entityType: 'volunteer',
    entityId: volunteerId,
    regionCode: v.regionCode,
    detail: { number, channel: v.channel, status: v.status, guardianConsent: Boolean(v.guardian) },
  });
  return { id: volunteerId, number };
}

/** Runs a registration transaction, turning a lost race on a unique index into the same answer as the pre-check. */
export async function withUniqueAnswers<T>(
  work: () => Promise<T>,
  phoneTaken: () => AppError = phoneTakenError,
  idTaken: () => AppError = idTakenError,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, 'volunteers_id_hash_uq') || isIdTaken(err)) throw idTaken();
    if (isUniqueViolation(err, USERS_PHONE_INDEX)) throw phoneTaken();
    if (isUniqueViolation(err)) throw new AppError('CONFLICT');
    throw err;
  }
}

export const phoneTakenError = () =>
  new AppError('CONFLICT', [
    {
      field: 'body.phone',
      message: '该手机号已注册，请直接登录后申请成为志愿者',
      messageEn: 'This phone number already has an account; sign in and apply from there',
    },
  ]);
