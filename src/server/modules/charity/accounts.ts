/**
 * A fund's accounts on the platform ledger (unit `fen`). A sale moves money sales → fund, a donation
 * donations → fund, a payment fund → paid. The income accounts go below zero (minus what came in);
 * the fund cannot (a payment it cannot cover is refused); every fund's four accounts sum to zero.
 */
import type { Db } from '../../platform/db.js';
import { openAccount } from '../../platform/ledger.js';

export const fundAccountKey = {
  fund: (fundId: string) => `charity:fund:${fundId}`,
  sales: (fundId: string) => `charity:sales:${fundId}`,
  donations: (fundId: string) => `charity:donations:${fundId}`,
  paid: (fundId: string) => `charity:paid:${fundId}`,
} as const;

export async function openFundAccounts(db: Db, tenantId: string, fund: { id: string; name: string }) {
  const open = (key: string, kind: string, name: string, allowNegative = false) =>
    openAccount(db, tenantId, { key, kind, unit: 'fen', name, allowNegative });
  return {
    fund: await open(fundAccountKey.fund(fund.id), 'charity.fund', fund.name),
    sales: await open(fundAccountKey.sales(fund.id), 'charity.sales', `${fund.name}·义卖收入`, true),
    donations: await open(fundAccountKey.donations(fund.id), 'charity.donations', `${fund.name}·捐赠收入`, true),
    paid: await open(fundAccountKey.paid(fund.id), 'charity.paid', `${fund.name}·已支出`),
  };
}
