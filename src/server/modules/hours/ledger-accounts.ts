import type { Db } from '../../platform/db.js';
import { findAccount, openAccount } from '../../platform/ledger.js';

/** A volunteer's confirmed minutes: `hours:volunteer:<userId>` (never negative). */
export const volunteerAccountKey = (userId: string) => `hours:volunteer:${userId}`;

export function openVolunteerAccount(db: Db, tenantId: string, userId: string) {
  return openAccount(db, tenantId, {
    key: volunteerAccountKey(userId),
    kind: 'hours.volunteer',
    unit: 'minutes',
    name: '志愿服务时长',
  });
}

/** The other side of every confirmation: all minutes ever confirmed in the tenant, negative. */
export function openRecordedAccount(db: Db, tenantId: string) {
  return openAccount(db, tenantId, {
    key: 'hours:recorded',
    kind: 'hours.recorded',
    unit: 'minutes',
    name: '已确认服务时长（记录方）',
    allowNegative: true,
  });
}

/** Confirmed minutes of a volunteer: the balance of their account (0 before the first confirmation). */
export async function confirmedMinutes(db: Db, tenantId: string, userId: string): Promise<number> {
  return (await findAccount(db, tenantId, volunteerAccountKey(userId)))?.balance ?? 0;
}
