/**
 * One server-sent-events stream (GET /api/v1/events) per tab, shared by every hook that listens
 * (the inbox badge, live order lists): the first subscriber opens it, the last one closes it.
 * Events missed while the stream was down are not replayed, so subscribers are also told when it
 * reconnects, to refetch. Where the browser has no EventSource nothing is opened.
 */
export interface LiveListener {
  /** A `notification` event arrived. */
  onNotification: () => void;
  /** The stream came back after a drop: refetch what may have been missed. */
  onReconnect: () => void;
  /** Other named events, e.g. `wishes.changed` (a tenant-wide broadcast). */
  events?: Record<string, () => void>;
}

let source: EventSource | null = null;
const listeners = new Set<LiveListener>();
/** Event names the open stream already dispatches to listeners' `events`. */
let named = new Set<string>();

function listenFor(stream: EventSource, listener: LiveListener) {
  for (const name of Object.keys(listener.events ?? {})) {
    if (named.has(name)) continue;
    named.add(name);
    stream.addEventListener(name, () => {
      for (const l of [...listeners]) l.events?.[name]?.();
    });
  }
}

function open() {
  const stream = new EventSource('/api/v1/events', { withCredentials: true });
  named = new Set();
  let opened = false;
  stream.addEventListener('notification', () => {
    for (const l of [...listeners]) l.onNotification();
  });
  stream.addEventListener('open', () => {
    if (opened) for (const l of [...listeners]) l.onReconnect();
    opened = true;
  });
  return stream;
}

/** Listens until the returned function is called. */
export function subscribeLive(listener: LiveListener): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  listeners.add(listener);
  source ??= open();
  listenFor(source, listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}
