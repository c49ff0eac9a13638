/**
 * The dispatch map's drawing (its own chunk, with Leaflet): the queue's orders on the site map's
 * tiles, the selected one ringed, and its candidates (their station points). Clicking an order
 * selects it.
 */
import { CircleMarker, Polyline, Tooltip } from 'react-leaflet';
import type { Candidates, Order } from '../../orders/data.js';
import type { MapConfig } from '../../sites/data.js';
import { type LngLat, toDisplay } from '../../sites/map-geometry.js';
import { SiteMap } from '../../sites/SiteMap.js';

export type MappedOrder = Order & { lng: number; lat: number };

export interface DispatchMapProps {
  orders: MappedOrder[];
  config: MapConfig;
  selectedId: string | null;
  onSelect: (id: string) => void;
  candidates: Candidates['items'];
  ariaLabel: string;
}

export function DispatchMap({ orders, config, selectedId, onSelect, candidates, ariaLabel }: DispatchMapProps) {
  const system = config.tileCoordSystem;
  const selected = orders.find((o) => o.id === selectedId) ?? null;
  // Fit to the selected order and its candidates, else to the whole queue.
  const fit: LngLat[] = selected ? [selected, ...candidates] : orders;
  return (
    <SiteMap points={[]} config={config} fit={fit} ariaLabel={ariaLabel} className="lf-dispatch-map">
      {orders.map((o) => {
        const on = o.id === selectedId;
        return (
          <CircleMarker
            // Leaflet reads className only when a layer is created: a change of selection recreates it.
            key={`${o.id}-${on}`}
            center={toDisplay(o, system)}
            radius={on ? 11 : 7}
            className={`lf-dispatch-order${o.urgency === 'urgent' ? ' lf-dispatch-urgent' : ''}${on ? ' lf-dispatch-selected' : ''}`}
            pathOptions={{
              color: on ? '#1f1f1f' : o.urgency === 'urgent' ? '#cf1322' : '#1677ff',
              fillColor: o.urgency === 'urgent' ? '#ff4d4f' : '#1677ff',
              weight: on ? 3 : 2,
              fillOpacity: 0.85,
            }}
            eventHandlers={{ click: () => onSelect(o.id) }}
          >
            <Tooltip direction="top">{`${o.title} · ${o.regionName}`}</Tooltip>
          </CircleMarker>
        );
      })}
      {selected &&
        candidates.map((c) => (
          <Polyline
            key={`line-${c.volunteerId}`}
            positions={[toDisplay(selected, system), toDisplay(c, system)]}
            pathOptions={{ color: '#52c41a', weight: 1, dashArray: '4 4' }}
          />
        ))}
      {selected &&
        candidates.map((c, i) => (
          <CircleMarker
            key={c.volunteerId}
            center={toDisplay(c, system)}
            radius={6}
            className="lf-dispatch-candidate"
            pathOptions={{ color: '#389e0d', fillColor: '#52c41a', weight: 2, fillOpacity: 0.9 }}
          >
            <Tooltip direction="bottom" permanent={i === 0}>{`${i + 1}. ${c.name} · ${c.walkKm} km`}</Tooltip>
          </CircleMarker>
        ))}
    </SiteMap>
  );
}
