import { eq } from 'drizzle-orm';
import { parseIdNumber } from '../../../shared/id-card.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { presentProfile, selectVolunteers, unsealer } from './read-volunteer.js';
import { volunteers } from './schema.js';

/** The caller's own volunteer profile, with their ID number in full (it is theirs) and the birth date it holds. */
export async function getMyVolunteer(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [row] = await selectVolunteers(ctx.db, ctx.tenantId, eq(volunteers.userId, actor.userId));
  if (!row)
    throw new AppError('NOT_FOUND', undefined, { message: '您还不是志愿者', messageEn: 'You are not a volunteer yet' });
  const idNumber = unsealer(ctx)(row.idNumberSealed);
  const parsed = parseIdNumber(idNumber);
  return {
    ...(await presentProfile(ctx, row)),
    idNumber,
    birthDate: parsed.ok ? parsed.info.birthDate : `${row.birthYear}`,
  };
}
