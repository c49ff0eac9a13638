import { and, eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { piiFor } from '../../platform/pii.js';
import { presentProfile, selectVolunteers } from './read-volunteer.js';
import { volunteers } from './schema.js';

/** The caller's own volunteer profile, with their ID number in full (it is theirs). */
export async function getMyVolunteer(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [row] = await selectVolunteers(ctx.db, ctx.tenantId, eq(volunteers.userId, actor.userId));
  if (!row)
    throw new AppError('NOT_FOUND', undefined, { message: '您还不是志愿者', messageEn: 'You are not a volunteer yet' });
  const [sealed] = await ctx.db
    .select({ s: volunteers.idNumberSealed })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, ctx.tenantId), eq(volunteers.id, row.id)));
  return {
    ...(await presentProfile(ctx.db, ctx.tenantId, row)),
    idNumber: piiFor(ctx.config).decrypt(sealed?.s as string, ctx.tenantId),
    birthDate: row.birthDate,
  };
}
