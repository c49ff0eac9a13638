/**
 * The points accounts on the platform ledger (unit `points`). Earning moves points from the tenant's
 * issuance account to a volunteer; a redemption first holds them (volunteer → held), then a pickup
 * debits the hold to the store (held → store) and a cancellation gives them back (held → volunteer);
 * expiry moves them to the expired account. Only the issuance account and a volunteer's `owed`
 * account (points taken back by a reversal that the volunteer had already spent: its balance is
 * minus what is still outstanding) may go below zero; the sum of all points accounts is always zero.
 */
import type { Db } from '../../platform/db.js';
import { findAccount, openAccount } from '../../platform/ledger.js';

export const pointsAccountKeys = {
  volunteer: (userId: string) => `points:volunteer:${userId}`,
  issuance: 'points:issuance',
  held: 'points:held',
  store: (siteId: string) => `points:store:${siteId}`,
  expired: 'points:expired',
  owed: (userId: string) => `points:owed:${userId}`,
} as const;

export function openVolunteerPointsAccount(db: Db, tenantId: string, userId: string) {
  return openAccount(db, tenantId, {
    key: pointsAccountKeys.volunteer(userId),
    kind: 'points.volunteer',
    unit: 'points',
    name: '志愿者积分',
  });
}

export function openIssuanceAccount(db: Db, tenantId: string) {
  return openAccount(db, tenantId, {
    key: pointsAccountKeys.issuance,
    kind: 'points.issuance',
    unit: 'points',
    name: '积分发行',
    allowNegative: true,
  });
}

export function openHeldAccount(db: Db, tenantId: string) {
  return openAccount(db, tenantId, {
    key: pointsAccountKeys.held,
    kind: 'points.held',
    unit: 'points',
    name: '兑换冻结积分',
  });
}

export function openStoreAccount(db: Db, tenantId: string, siteId: string) {
  return openAccount(db, tenantId, {
    key: pointsAccountKeys.store(siteId),
    kind: 'points.store',
    unit: 'points',
    name: '先锋超市已兑积分',
  });
}

export function openExpiredAccount(db: Db, tenantId: string) {
  return openAccount(db, tenantId, {
    key: pointsAccountKeys.expired,
    kind: 'points.expired',
    unit: 'points',
    name: '过期积分',
  });
}

/** A volunteer's spendable points: the balance of their account (0 before the first credit). */
export async function pointsBalance(db: Db, tenantId: string, userId: string): Promise<number> {
  return (await findAccount(db, tenantId, pointsAccountKeys.volunteer(userId)))?.balance ?? 0;
}

/**
 * What a volunteer still owes after a reversal they could not cover (its balance is minus that):
 * the next earnings pay it back first (ledger-ops.ts).
 */
export function openOwedAccount(db: Db, tenantId: string, userId: string) {
  return openAccount(db, tenantId, {
    key: pointsAccountKeys.owed(userId),
    kind: 'points.owed',
    unit: 'points',
    name: '待扣回积分',
    allowNegative: true,
  });
}

/** Points a volunteer still owes from reversals (0 when none). */
export async function pointsOwed(db: Db, tenantId: string, userId: string): Promise<number> {
  const balance = (await findAccount(db, tenantId, pointsAccountKeys.owed(userId)))?.balance ?? 0;
  return balance < 0 ? -balance : 0;
}
