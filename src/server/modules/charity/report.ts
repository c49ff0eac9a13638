/**
 * The public report of one published sale, or of a year: income by stall category, outgoings by
 * purpose, the balance and the families helped. Every figure is summed from the ledger
 * (ledger-lines.ts); the event rows only name what the figures belong to. Beneficiaries appear by
 * masked name and community, never more.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { regions } from '../regions/index.js';
import { categoryLabel, purposeLabels } from './labels.js';
import { type LedgerLine, ledgerLines, sumBy } from './ledger-lines.js';
import { findEvent } from './records.js';
import { charityBeneficiaries, charityEvents } from './schema.js';

export type CharityReport = Awaited<ReturnType<typeof buildReport>>;

const byAmount = <T extends { amountFen: number }>(a: T, b: T) => b.amountFen - a.amountFen;

async function regionNames(db: Db, tenantId: string, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), inArray(regions.code, [...new Set(codes)])));
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function buildReport(
  db: Db,
  tenantId: string,
  head: { title: string; period: string },
  events: (typeof charityEvents.$inferSelect)[],
  lines: LedgerLine[],
) {
  const income = sumBy(lines, (l) => (l.kind === 'sale' ? (l.category ?? 'other:') : null));
  const donationsFen = lines.filter((l) => l.kind === 'donation').reduce((s, l) => s + l.amount, 0);
  const outgoings = sumBy(lines, (l) => (l.kind === 'payment' ? (l.purpose ?? 'other') : null));
  const helped = sumBy(lines, (l) => (l.kind === 'payment' ? l.beneficiaryId : null));
  const helpedIds = [...helped].filter(([, fen]) => fen > 0).map(([id]) => id);
  const people =
    helpedIds.length === 0
      ? []
      : await db
          .select({
            id: charityBeneficiaries.id,
            maskedName: charityBeneficiaries.maskedName,
            regionCode: charityBeneficiaries.regionCode,
          })
          .from(charityBeneficiaries)
          .where(and(eq(charityBeneficiaries.tenantId, tenantId), inArray(charityBeneficiaries.id, helpedIds)));
  const names = await regionNames(db, tenantId, [
    ...events.map((e) => e.regionCode),
    ...people.map((p) => p.regionCode),
  ]);
  const salesFen = [...income.values()].reduce((s, v) => s + v, 0);
  const outgoingsFen = [...outgoings.values()].reduce((s, v) => s + v, 0);
  return {
    ...head,
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      heldOn: e.heldOn,
      regionName: names.get(e.regionCode) ?? e.regionCode,
    })),
    incomeByCategory: [...income]
      .filter(([, fen]) => fen !== 0)
      .map(([category, amountFen]) => ({ category, label: categoryLabel(category), amountFen }))
      .sort(byAmount),
    donationsFen,
    incomeFen: salesFen + donationsFen,
    outgoingsByPurpose: [...outgoings]
      .filter(([, fen]) => fen !== 0)
      .map(([purpose, amountFen]) => ({ purpose, label: purposeLabels[purpose] ?? purpose, amountFen }))
      .sort(byAmount),
    outgoingsFen,
    balanceFen: salesFen + donationsFen - outgoingsFen,
    familiesHelped: helpedIds.length,
    beneficiaries: people
      .map((p) => ({
        maskedName: p.maskedName,
        community: names.get(p.regionCode) ?? '',
        amountFen: helped.get(p.id) ?? 0,
      }))
      .sort(byAmount),
  };
}

/** The report of one sale, once it is published (reported). */
export async function eventReport(ctx: Ctx, id: string) {
  const event = await findEvent(ctx.db, ctx.tenantId, id);
  if (event?.state !== 'reported') throw new AppError('NOT_FOUND');
  const lines = await ledgerLines(ctx.db, ctx.tenantId, { eventId: id });
  return buildReport(ctx.db, ctx.tenantId, { title: event.title, period: event.heldOn }, [event], lines);
}

/** The report of a calendar year: every fund's income and outgoings dated in it. */
export async function yearReport(ctx: Ctx, year: number) {
  const events = await ctx.db
    .select()
    .from(charityEvents)
    .where(
      and(
        eq(charityEvents.tenantId, ctx.tenantId),
        gte(charityEvents.heldOn, `${year}-01-01`),
        lt(charityEvents.heldOn, `${year + 1}-01-01`),
        eq(charityEvents.state, 'reported'),
      ),
    )
    .orderBy(asc(charityEvents.heldOn));
  const published = new Set(events.map((e) => e.id));
  // A sale not yet published (still open, or closed and being checked) is not shown until it is.
  const lines = (await ledgerLines(ctx.db, ctx.tenantId, { year })).filter(
    (l) => l.kind === 'payment' || l.eventId === null || published.has(l.eventId),
  );
  return buildReport(ctx.db, ctx.tenantId, { title: `${year}年爱心义卖善款公示`, period: String(year) }, events, lines);
}
