/**
 * Live order lists: while mounted, listens to the server's event stream (GET /api/v1/events) and
 * refetches the orders on every message, since each step of an order sends its parties an inbox
 * message. Events missed while the stream was down are not replayed, so a reconnect refetches too.
 * Where the server has no stream the browser gives up after one failed request; lists then refresh
 * when the page regains focus.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { orderKeys } from './data.js';

export function useLiveOrders() {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const refresh = () => void qc.invalidateQueries({ queryKey: orderKeys.all });
    let opened = false;
    source.addEventListener('notification', refresh);
    source.addEventListener('open', () => {
      if (opened) refresh();
      opened = true;
    });
    return () => source.close();
  }, [qc]);
}
