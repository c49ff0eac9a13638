import { and, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { announceStarLevel, claimPending, creditRecord } from './confirm-record.js';
import { confirmableBy, teamsLedBy } from './confirmers.js';
import { confirmedMinutes } from './ledger-accounts.js';
import { serviceRecords } from './schema.js';
import { hoursSettingsFor } from './settings.js';

export interface ConfirmOutcome {
  confirmed: string[];
  /**
   * Records not confirmed, with why: not found (or neither in the caller's scope nor of a team they
   * lead), no longer pending, or the caller's own service.
   */
  skipped: { id: string; reason: 'not_found' | 'not_pending' | 'own_record' }[];
}

/**
 * The organiser confirms pending records, one or many (bulk): each moves to confirmed and its
 * minutes become a ledger entry for the volunteer, in one transaction. Staff confirm records in their
 * region scope, team leaders those of the teams they lead; other records are treated as missing.
 * Nobody confirms their own service. A volunteer who reaches a new star level is told.
 */
export async function confirmServiceRecords(ctx: Ctx, input: { ids: string[] }): Promise<ConfirmOutcome> {
  const actor = requireActor(ctx);
  const ids = [...new Set(input.ids)];
  const rows = await ctx.db
    .select()
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.tenantId, actor.tenantId),
        inArray(serviceRecords.id, ids),
        confirmableBy(actor, await teamsLedBy(ctx.db, actor)),
      ),
    );
  const found = new Map(rows.map((r) => [r.id, r]));
  const outcome: ConfirmOutcome = { confirmed: [], skipped: [] };
  for (const id of ids) if (!found.has(id)) outcome.skipped.push({ id, reason: 'not_found' });
  const { starThresholdsHours } = await hoursSettingsFor(ctx.db, actor.tenantId);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const before = new Map<string, number>();
    for (const record of rows) {
      if (record.volunteerUserId === actor.userId) {
        outcome.skipped.push({ id: record.id, reason: 'own_record' });
        continue;
      }
      const claimed =
        record.status === 'pending' ? await claimPending(tx, actor.tenantId, record.id, actor.userId, now) : null;
      if (!claimed) {
        outcome.skipped.push({ id: record.id, reason: 'not_pending' });
        continue;
      }
      if (!before.has(claimed.volunteerUserId))
        before.set(claimed.volunteerUserId, await confirmedMinutes(tx, actor.tenantId, claimed.volunteerUserId));
      await creditRecord(tx, claimed, actor.userId);
      outcome.confirmed.push(claimed.id);
      await writeAudit(tx, auditContext(ctx), {
        action: 'hours.confirm',
        entityType: 'service_record',
        entityId: claimed.id,
        regionCode: claimed.regionCode,
        detail: { minutes: claimed.minutes, volunteerUserId: claimed.volunteerUserId },
      });
    }
    for (const [userId, minutesBefore] of before) {
      const after = await confirmedMinutes(tx, actor.tenantId, userId);
      await announceStarLevel(tx, actor.tenantId, userId, minutesBefore, after, starThresholdsHours);
    }
  });
  return outcome;
}
