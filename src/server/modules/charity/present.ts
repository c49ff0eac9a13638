import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { type LedgerLine, ledgerLines } from './ledger-lines.js';
import { type EventRow, eventActions } from './machine.js';
import { namesOf, personOf, type StallRow } from './records.js';
import { charityFunds } from './schema.js';

export interface Totals {
  totalFen: number;
  cashFen: number;
  sales: number;
}

/** Sales totals from the ledger lines (reversals netted), for one stall or all. */
export function totalsOf(lines: LedgerLine[], stallId?: string): Totals {
  const out = { totalFen: 0, cashFen: 0, sales: 0 };
  for (const l of lines) {
    if (l.kind !== 'sale' || (stallId && l.stallId !== stallId)) continue;
    out.totalFen += l.amount;
    if (l.method === 'cash') out.cashFen += l.amount;
    out.sales += l.count;
  }
  return out;
}

export function presentStall(stall: StallRow, names: Map<string, string>, lines: LedgerLine[]) {
  return {
    id: stall.id,
    eventId: stall.eventId,
    name: stall.name,
    holderKind: stall.holderKind,
    holderName: stall.holderName,
    category: stall.category,
    categoryLabel: stall.categoryLabel,
    keeper: personOf(names, stall.keeperUserId) as { userId: string; name: string },
    totals: totalsOf(lines, stall.id),
  };
}

export async function presentEvents(db: Db, actor: Actor | null, tenantId: string, events: EventRow[]) {
  const names = await namesOf(
    db,
    tenantId,
    events.map((e) => e.organiserUserId),
  );
  const fundIds = [...new Set(events.map((e) => e.fundId))];
  const funds = new Map(
    fundIds.length === 0
      ? []
      : (
          await db
            .select({ id: charityFunds.id, name: charityFunds.name })
            .from(charityFunds)
            .where(and(eq(charityFunds.tenantId, tenantId), inArray(charityFunds.id, fundIds)))
        ).map((f) => [f.id, f.name]),
  );
  return Promise.all(
    events.map(async (e) => ({
      id: e.id,
      title: e.title,
      heldOn: e.heldOn,
      regionCode: e.regionCode,
      siteId: e.siteId,
      address: e.address,
      organiser: personOf(names, e.organiserUserId) as { userId: string; name: string },
      fund: { id: e.fundId, name: funds.get(e.fundId) ?? '' },
      state: e.state,
      countedCashFen: e.countedCashFen,
      recordedCashFen: e.recordedCashFen,
      reconcileNote: e.reconcileNote,
      totals: totalsOf(await ledgerLines(db, tenantId, { eventId: e.id })),
      actions: eventActions(e, actor),
    })),
  );
}
