import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { maskIdNumber } from '../../../shared/id-card.js';
import { maskPhone } from '../../../shared/phone.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { actorCache, phoneInUse, setUserDisplayName, setUserPhone } from '../accounts/index.js';
import type { correctVolunteerBody } from './contract.js';
import { sealIdNumber, withUniqueAnswers } from './create-volunteer.js';
import { getVolunteer, loadVolunteerInScope } from './get-volunteer.js';
import { recheckAgeRules, recordGuardianConsent } from './minors.js';
import { unsealer } from './read-volunteer.js';
import { volunteers } from './schema.js';

export const phoneUsedByOtherError = () =>
  new AppError('CONFLICT', [
    {
      field: 'body.phone',
      message: '该手机号已被其他账号使用，不能更正为此号码',
      messageEn: 'Another account uses this phone number; it cannot be given to this volunteer',
    },
  ]);

export const idUsedByOtherError = () =>
  new AppError('CONFLICT', [
    {
      field: 'body.idNumber',
      message: '该身份证号已登记为另一位志愿者，请先核实该登记',
      messageEn: 'Another volunteer is registered with this ID number; look into that registration first',
    },
  ]);

/** A name in the audit log: its first character, the rest as stars (王** / A****). */
export const maskName = (name: string) => {
  const chars = [...name];
  return (chars[0] ?? '') + '*'.repeat(Math.max(chars.length - 1, 1));
};

/**
 * Staff in scope correct a volunteer's record (the H5 page sends volunteers to their station for
 * this): real name, ID number, sign-in phone and status, with a reason. The same checks as at
 * registration: the name rule and the ID number's check digit (contract), a phone or ID number of
 * another account refused, the ID number stored sealed. The audit row keeps old and new values
 * masked, never in clear. Outside the caller's scope the volunteer does not exist (404).
 */
export async function correctVolunteer(ctx: Ctx, id: string, input: z.infer<typeof correctVolunteerBody>) {
  const row = await loadVolunteerInScope(ctx, id);
  const { tenantId } = ctx;
  const currentId = unsealer(ctx)(row.idNumberSealed);
  const name = input.name !== undefined && input.name !== row.name ? input.name : undefined;
  const idNumber = input.idNumber !== undefined && input.idNumber !== currentId ? input.idNumber : undefined;
  const phone = input.phone !== undefined && input.phone !== row.phone ? input.phone : undefined;
  const status = input.status !== undefined && input.status !== row.status ? input.status : undefined;
  if (name === undefined && idNumber === undefined && phone === undefined && status === undefined)
    throw fieldError('body', '没有需要更正的内容', 'Nothing differs from the current record');

  // A new ID number is a new birth date: the age rules of registration apply again.
  const guardian = idNumber === undefined ? null : await recheckAgeRules(ctx, row.id, idNumber, input.guardian);
  const sealed = idNumber === undefined ? undefined : sealIdNumber(ctx, idNumber);
  if (sealed) {
    const [other] = await ctx.db
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(
        and(eq(volunteers.tenantId, tenantId), eq(volunteers.idNumberHash, sealed.idNumberHash), ne(volunteers.id, id)),
      );
    if (other) throw idUsedByOtherError();
  }
  if (phone !== undefined && (await phoneInUse(ctx.db, tenantId, phone))) throw phoneUsedByOtherError();

  const changes: Record<string, { from: string; to: string }> = {};
  if (name !== undefined) changes.name = { from: maskName(row.name), to: maskName(name) };
  if (idNumber !== undefined) changes.idNumber = { from: maskIdNumber(currentId), to: maskIdNumber(idNumber) };
  if (phone !== undefined) changes.phone = { from: maskPhone(row.phone), to: maskPhone(phone) };
  if (status !== undefined) changes.status = { from: row.status, to: status };

  await withUniqueAnswers(
    () =>
      ctx.db.transaction(async (tx) => {
        await tx
          .update(volunteers)
          .set({
            ...(name !== undefined ? { name } : {}),
            ...(sealed ?? {}),
            ...(status !== undefined ? { status, statusReason: input.reason } : {}),
            updatedAt: new Date(),
          })
          .where(and(eq(volunteers.tenantId, tenantId), eq(volunteers.id, row.id)));
        if (name !== undefined) await setUserDisplayName(tx, tenantId, row.userId, name);
        if (phone !== undefined) await setUserPhone(tx, tenantId, row.userId, phone);
        if (guardian)
          await recordGuardianConsent(tx, ctx, {
            volunteerId: row.id,
            guardian,
            channel: 'desk',
            recordedBy: ctx.actor?.userId ?? null,
          });
        await writeAudit(tx, auditContext(ctx), {
          action: 'volunteer.correct',
          entityType: 'volunteer',
          entityId: row.id,
          regionCode: row.regionCode,
          detail: { reason: input.reason, changes },
        });
      }),
    phoneUsedByOtherError,
    idUsedByOtherError,
  );
  actorCache.invalidateUser(row.userId);
  return getVolunteer(ctx, id);
}
