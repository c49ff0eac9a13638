/**
 * Live wish pages: while mounted, listens to the tab's one event stream (api/live.ts) and refetches
 * the wishes on every message, since each step of a wish sends the people it concerns an inbox
 * message, and after a reconnect.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeLive } from '../../api/live.js';
import { wishKeys } from './data.js';

export function useLiveWishes() {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: wishKeys.all });
    return subscribeLive({ onNotification: refresh, onReconnect: refresh });
  }, [qc]);
}
