/** The stall keeper's data: their stalls with live totals, and the sale sender behind the offline queue. */
import { api, call } from '../../api/client.js';
import { ApiError, errorText } from '../../api/errors.js';
import { $api } from '../../api/queries.js';
import type { operations } from '../../api/schema.js';
import type { QueuedSale, SendResult } from './sale-queue.js';

export type MyStall =
  operations['listMyCharityStalls']['responses'][200]['content']['application/json']['items'][number];

const myStalls = $api.queryOptions('get', '/api/v1/charity/my-stalls');
export const myStallsKey = myStalls.queryKey;

/** The keeper's stalls; `live` refetches every ten seconds (other phones at the sale record too). */
export function useMyStalls(live = true) {
  return $api.useQuery('get', '/api/v1/charity/my-stalls', undefined, { refetchInterval: live ? 10_000 : false });
}

/** One queued sale to the server: sent, refused (with the reason) or not reached (kept). */
export async function sendSale(sale: QueuedSale): Promise<SendResult> {
  try {
    await call(
      api.POST('/api/v1/charity/stalls/{id}/sales', {
        params: { path: { id: sale.stallId } },
        body: sale.body,
        headers: { 'Idempotency-Key': sale.key },
      }),
    );
    return { kind: 'sent' };
  } catch (err) {
    if (err instanceof ApiError && err.status > 0 && err.status < 500 && err.status !== 408 && err.status !== 429)
      return { kind: 'refused', reason: errorText(err) };
    return { kind: 'unreachable' };
  }
}
