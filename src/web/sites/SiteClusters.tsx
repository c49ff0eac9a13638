/**
 * The many stations, grouped where they would overlap at the current zoom: a numbered disc that
 * zooms in when clicked. Single stations are drawn by the caller's `marker`.
 */
import L from 'leaflet';
import { type ReactNode, useMemo, useState } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { type ClusterPoint, clusterIndex } from './map-areas.js';
import { type CoordSystem, toDisplay } from './map-geometry.js';

const icons = new Map<number, L.DivIcon>();
function clusterIcon(count: number): L.DivIcon {
  let icon = icons.get(count);
  if (!icon) {
    const size = count < 10 ? 26 : count < 50 ? 32 : 38;
    icon = L.divIcon({
      className: 'lf-site-cluster',
      html: `<span style="line-height:${size - 4}px">${count}</span>`,
      iconSize: [size, size],
    });
    icons.set(count, icon);
  }
  return icon;
}

export function SiteClusters<P extends ClusterPoint>({
  points,
  system,
  label,
  marker,
}: {
  points: P[];
  system: CoordSystem;
  label: (count: number) => string;
  marker: (point: P) => ReactNode;
}) {
  const map = useMap();
  const clusters = useMemo(() => clusterIndex(points), [points]);
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  // Clustering is done in WGS-84; the GCJ-02 shift (a few hundred metres) does not change the groups.
  const shown = useMemo(() => clusters(zoom), [clusters, zoom]);
  return (
    <>
      {shown.map((c) =>
        c.kind === 'point' ? (
          marker(c.point)
        ) : (
          <Marker
            key={`cluster-${c.id}`}
            position={toDisplay(c, system)}
            icon={clusterIcon(c.count)}
            title={label(c.count)}
            alt={label(c.count)}
            eventHandlers={{
              click: () => {
                const at = toDisplay(c, system);
                map.setView(at, Math.min(c.expansionZoom, map.getMaxZoom()));
              },
            }}
          />
        ),
      )}
    </>
  );
}
