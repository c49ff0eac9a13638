import { describe, expect, it } from 'vitest';
import { enqueue, flushQueue, type QueuedSale, readQueue, type SendResult } from './sale-queue.js';

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}
const sale = (key: string): QueuedSale => ({ key, stallId: 's1', body: { amountFen: 100, method: 'cash' } });

describe('the offline sale queue', () => {
  it('keeps sales while the server cannot be reached, then sends each once with its own key', async () => {
    const storage = memory();
    enqueue(storage, sale('a'));
    enqueue(storage, sale('b'));
    enqueue(storage, sale('a'));
    expect(readQueue(storage).map((s) => s.key)).toEqual(['b', 'a']);

    const offline = await flushQueue(storage, async () => ({ kind: 'unreachable' }));
    expect(offline).toEqual({ sent: 0, refused: [], waiting: 2 });

    const seen: string[] = [];
    const online = await flushQueue(storage, async (s) => {
      seen.push(s.key);
      return { kind: 'sent' };
    });
    expect(seen).toEqual(['b', 'a']);
    expect(online).toEqual({ sent: 2, refused: [], waiting: 0 });
    expect(readQueue(storage)).toEqual([]);
  });

  it('drops a refused sale with its reason, and runs one flush at a time', async () => {
    const storage = memory();
    enqueue(storage, sale('x'));
    enqueue(storage, sale('y'));
    let calls = 0;
    const send = async (s: QueuedSale): Promise<SendResult> => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      return s.key === 'x' ? { kind: 'refused', reason: '义卖已结账' } : { kind: 'sent' };
    };
    const [one, two] = await Promise.all([flushQueue(storage, send), flushQueue(storage, send)]);
    expect(one).toBe(two);
    expect(calls).toBe(2);
    expect(one.refused.map((r) => r.reason)).toEqual(['义卖已结账']);
    expect(one.sent).toBe(1);
  });

  it('sends after a flush of an empty queue (the first flush, when the page opens)', async () => {
    const storage = memory();
    expect(await flushQueue(storage, async () => ({ kind: 'sent' }))).toEqual({ sent: 0, refused: [], waiting: 0 });
    enqueue(storage, sale('later'));
    expect((await flushQueue(storage, async () => ({ kind: 'sent' }))).sent).toBe(1);
  });

  it('survives a damaged store', () => {
    const storage = memory();
    storage.setItem('lf.charity.saleQueue', '{not json');
    expect(readQueue(storage)).toEqual([]);
  });
});
