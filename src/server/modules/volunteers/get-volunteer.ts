import { eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { presentProfile, selectVolunteers } from './read-volunteer.js';
import { volunteers } from './schema.js';

/** Loads a volunteer the staff caller may see; outside the scope it is NOT_FOUND, exactly like a missing one. */
export async function loadVolunteerInScope(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const [row] = await selectVolunteers(ctx.db, ctx.tenantId, eq(volunteers.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, row.regionCode);
  return row;
}

/** One volunteer for staff: the phone in full, the ID number masked (reveal it through reveal-id). */
export async function getVolunteer(ctx: Ctx, id: string) {
  const row = await loadVolunteerInScope(ctx, id);
  return { ...(await presentProfile(ctx, row)), can: { changeStatus: true, revealIdNumber: true, correct: true } };
}
