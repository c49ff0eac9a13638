/**
 * Live order lists: while mounted, listens to the tab's one event stream (api/live.ts) and refetches
 * the orders on every message, since each step of an order sends its parties an inbox message, and
 * after a reconnect. Where the server has no stream, lists refresh when the page regains focus.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeLive } from '../api/live.js';
import { orderKeys } from './data.js';
import { metricsKey } from './ops-data.js';

export function useLiveOrders() {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => {
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      void qc.invalidateQueries({ queryKey: metricsKey });
    };
    return subscribeLive({ onNotification: refresh, onReconnect: refresh });
  }, [qc]);
}
