import { and, inArray, ne } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { teamsLedBy } from './confirmers.js';
import { pageOfRecords, type RecordPage } from './record-queries.js';
import { serviceRecords } from './schema.js';

/**
 * A team leader's list of their teams' records (pending by default), their own left out: what they
 * may confirm or refuse. Someone who leads no team gets an empty list; a team they do not lead, 404.
 */
export async function listTeamServiceRecords(ctx: Ctx, input: RecordPage & { teamId?: string | undefined }) {
  const actor = requireActor(ctx);
  const led = await teamsLedBy(ctx.db, actor);
  if (input.teamId && !led.includes(input.teamId)) throw new AppError('NOT_FOUND');
  const teams = input.teamId ? [input.teamId] : led;
  if (teams.length === 0) return { items: [], nextCursor: null };
  return pageOfRecords(
    ctx.db,
    actor,
    and(inArray(serviceRecords.organisationId, teams), ne(serviceRecords.volunteerUserId, actor.userId)),
    input,
    led,
  );
}
