import { eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { pageOfRecords, type RecordPage } from './record-queries.js';
import { serviceRecords } from './schema.js';

/** The signed-in volunteer's own records, every status (pending, confirmed, corrected, rejected). */
export async function listMyServiceRecords(ctx: Ctx, input: RecordPage) {
  const actor = requireActor(ctx);
  return pageOfRecords(ctx.db, actor, eq(serviceRecords.volunteerUserId, actor.userId), input);
}
