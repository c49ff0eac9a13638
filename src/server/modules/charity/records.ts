/** Loading charity records for the caller: outside their scope a record is NOT_FOUND, like one that is not there. */
import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, assertInScope, inScope, regionScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';
import { charityEvents, charityFunds, charityStalls } from './schema.js';

export type FundRow = typeof charityFunds.$inferSelect;
export type StallRow = typeof charityStalls.$inferSelect;

/** Staff may use a fund of their region or of a region above it (a subdistrict's fund for a community's sale). */
export const fundVisible = (actor: Actor, regionCode: string) =>
  inScope(actor, regionCode) || regionScope(actor).some((root) => root.startsWith(regionCode));

export async function findFund(db: Db, tenantId: string, id: string): Promise<FundRow | null> {
  const [fund] = await db
    .select()
    .from(charityFunds)
    .where(and(eq(charityFunds.tenantId, tenantId), eq(charityFunds.id, id)));
  return fund ?? null;
}

export async function loadFund(db: Db, actor: Actor, id: string, manage = false): Promise<FundRow> {
  const fund = await findFund(db, actor.tenantId, id);
  if (!fund || !(manage ? inScope(actor, fund.regionCode) : fundVisible(actor, fund.regionCode)))
    throw new AppError('NOT_FOUND');
  return fund;
}

export async function findEvent(db: Db, tenantId: string, id: string) {
  const [event] = await db
    .select()
    .from(charityEvents)
    .where(and(eq(charityEvents.tenantId, tenantId), eq(charityEvents.id, id)));
  return event ?? null;
}

export async function loadEventInScope(db: Db, actor: Actor, id: string) {
  const event = await findEvent(db, actor.tenantId, id);
  if (!event) throw new AppError('NOT_FOUND');
  assertInScope(actor, event.regionCode);
  return event;
}

export async function findStall(db: Db, tenantId: string, id: string): Promise<StallRow | null> {
  const [stall] = await db
    .select()
    .from(charityStalls)
    .where(and(eq(charityStalls.tenantId, tenantId), eq(charityStalls.id, id)));
  return stall ?? null;
}

export async function namesOf(db: Db, tenantId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const personOf = (names: Map<string, string>, id: string | null) =>
  id ? { userId: id, name: names.get(id) ?? '' } : null;

/** Today's date in China time (YYYY-MM-DD). */
export const chinaDay = (at: Date = new Date()) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
