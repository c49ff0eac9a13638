/**
 * Sales recorded at a stall wait on the phone until the server has them. Each keeps the
 * Idempotency-Key it was given when it was entered, so a send that reached the server but whose
 * answer was lost is recorded once when it is sent again.
 */
export interface SaleBody {
  amountFen: number;
  method: 'cash' | 'wechat' | 'alipay';
  paymentRef?: string;
  item?: string;
  recordedAt?: string;
}

export interface QueuedSale {
  key: string;
  stallId: string;
  body: SaleBody;
}

export type SendResult = { kind: 'sent' } | { kind: 'refused'; reason: string } | { kind: 'unreachable' };

const STORE = 'lf.charity.saleQueue';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function readQueue(storage: Storage): QueuedSale[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORE) ?? '[]');
    return Array.isArray(parsed) ? (parsed as QueuedSale[]) : [];
  } catch {
    return [];
  }
}

function write(storage: Storage, queue: QueuedSale[]) {
  storage.setItem(STORE, JSON.stringify(queue));
}

export function enqueue(storage: Storage, sale: QueuedSale) {
  write(storage, [...readQueue(storage).filter((s) => s.key !== sale.key), sale]);
}

let running: Promise<FlushResult> | null = null;

export interface FlushResult {
  sent: number;
  refused: { sale: QueuedSale; reason: string }[];
  /** Whether some sales still wait (the server could not be reached). */
  waiting: number;
}

/**
 * Sends the waiting sales oldest first; stops at the first the server cannot be reached for. A sale
 * the server refuses (e.g. the sale closed) leaves the queue and is reported. One flush at a time.
 */
export function flushQueue(storage: Storage, send: (sale: QueuedSale) => Promise<SendResult>): Promise<FlushResult> {
  if (running) return running;
  const run = (async () => {
    const result: FlushResult = { sent: 0, refused: [], waiting: 0 };
    for (const sale of readQueue(storage)) {
      const outcome = await send(sale);
      if (outcome.kind === 'unreachable') break;
      write(
        storage,
        readQueue(storage).filter((s) => s.key !== sale.key),
      );
      if (outcome.kind === 'sent') result.sent += 1;
      else result.refused.push({ sale, reason: outcome.reason });
    }
    result.waiting = readQueue(storage).length;
    return result;
  })();
  // Set before it settles (an empty queue settles at once), cleared after.
  running = run;
  void run
    .finally(() => {
      if (running === run) running = null;
    })
    .catch(() => undefined);
  return run;
}
