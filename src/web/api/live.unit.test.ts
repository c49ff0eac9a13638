import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's EventSource that records what the module does with it. */
class FakeSource {
  static made: FakeSource[] = [];
  closed = false;
  handlers = new Map<string, (() => void)[]>();
  constructor(readonly url: string) {
    FakeSource.made.push(this);
  }
  addEventListener(type: string, fn: () => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
  }
  emit(type: string) {
    for (const fn of this.handlers.get(type) ?? []) fn();
  }
  close() {
    this.closed = true;
  }
}

describe('one live stream per tab', () => {
  beforeEach(() => {
    FakeSource.made = [];
    vi.stubGlobal('EventSource', FakeSource);
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('opens one EventSource for the inbox and the order lists together, tells both, closes after the last', async () => {
    const { subscribeLive } = await import('./live.js');
    const inbox = { onNotification: vi.fn(), onReconnect: vi.fn() };
    const orders = { onNotification: vi.fn(), onReconnect: vi.fn() };
    const stopInbox = subscribeLive(inbox);
    const stopOrders = subscribeLive(orders);
    expect(FakeSource.made).toHaveLength(1);
    const stream = FakeSource.made[0] as FakeSource;
    expect(stream.url).toBe('/api/v1/events');

    stream.emit('open');
    stream.emit('notification');
    expect([inbox.onNotification.mock.calls.length, orders.onNotification.mock.calls.length]).toEqual([1, 1]);
    expect(inbox.onReconnect).not.toHaveBeenCalled();
    stream.emit('open'); // back after a drop
    expect([inbox.onReconnect.mock.calls.length, orders.onReconnect.mock.calls.length]).toEqual([1, 1]);

    stopOrders();
    expect(stream.closed).toBe(false);
    stream.emit('notification');
    expect([inbox.onNotification.mock.calls.length, orders.onNotification.mock.calls.length]).toEqual([2, 1]);
    stopInbox();
    expect(stream.closed).toBe(true);

    // A later subscriber opens a fresh stream.
    const stop = subscribeLive(inbox);
    expect(FakeSource.made).toHaveLength(2);
    stop();
  });

  it('dispatches named events to the listeners that asked for them, once per event', async () => {
    const { subscribeLive } = await import('./live.js');
    const inbox = { onNotification: vi.fn(), onReconnect: vi.fn() };
    const wall = { onNotification: vi.fn(), onReconnect: vi.fn(), events: { 'wishes.changed': vi.fn() } };
    const drawer = { onNotification: vi.fn(), onReconnect: vi.fn(), events: { 'wishes.changed': vi.fn() } };
    subscribeLive(inbox);
    const stopWall = subscribeLive(wall);
    const stopDrawer = subscribeLive(drawer);
    const stream = FakeSource.made[0] as FakeSource;
    stream.emit('wishes.changed');
    expect(wall.events['wishes.changed']).toHaveBeenCalledTimes(1);
    expect(drawer.events['wishes.changed']).toHaveBeenCalledTimes(1);
    expect(inbox.onNotification).not.toHaveBeenCalled();
    stopWall();
    stream.emit('wishes.changed');
    expect(wall.events['wishes.changed']).toHaveBeenCalledTimes(1);
    expect(drawer.events['wishes.changed']).toHaveBeenCalledTimes(2);
    stopDrawer();
  });
});
