/**
 * Live wish pages (H5 and console): while mounted, listens to the tab's one event stream
 * (api/live.ts) and refetches the wishes on every message, since each step of a wish sends the people
 * it concerns an inbox message; on `wishes.changed`, which every page of the tenant receives when a
 * wish enters, moves on or leaves the wall; and after a reconnect.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeLive } from '../../api/live.js';
import { wishKeys } from './data.js';

export function useLiveWishes() {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: wishKeys.all });
    return subscribeLive({ onNotification: refresh, onReconnect: refresh, events: { 'wishes.changed': refresh } });
  }, [qc]);
}
