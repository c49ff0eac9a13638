import { and, eq } from 'drizzle-orm';
import { requireRegionInScope, scopeCondition, subtreeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { pageOfRecords, type RecordPage } from './record-queries.js';
import { serviceRecords } from './schema.js';

/** Staff: service records in their region scope (pending ones by default, for confirmation). */
export async function listServiceRecords(
  ctx: Ctx,
  input: RecordPage & { regionCode?: string | undefined; volunteerUserId?: string | undefined },
) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  return pageOfRecords(
    ctx.db,
    actor,
    and(
      scopeCondition(actor, serviceRecords.regionCode),
      input.regionCode ? subtreeCondition(serviceRecords.regionCode, [input.regionCode]) : undefined,
      input.volunteerUserId ? eq(serviceRecords.volunteerUserId, input.volunteerUserId) : undefined,
    ),
    input,
  );
}
