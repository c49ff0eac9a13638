/**
 * Without tiles: the communities as approximate areas (nearest community centre, clipped to the
 * district's extent), shaded by subdistrict, so the sites sit on something that reads as a map.
 */
import { useMemo } from 'react';
import { Polygon, Tooltip } from 'react-leaflet';
import type { PublicRegion } from './data.js';
import { communityAreas, type Extent } from './map-areas.js';
import { type CoordSystem, toDisplay } from './map-geometry.js';

const shades = ['#e6f4ff', '#f6ffed', '#fff7e6', '#f9f0ff', '#e6fffb', '#fff0f6', '#fcffe6', '#f0f5ff'];

export function MapAreas({
  regions,
  extent,
  system,
  approximateLabel,
}: {
  regions: PublicRegion[];
  extent: Extent;
  system: CoordSystem;
  approximateLabel: string;
}) {
  const areas = useMemo(() => {
    const seeds = regions.flatMap((r) =>
      r.level === 'community' && r.lng !== null && r.lat !== null
        ? [{ code: r.code, name: r.name, parentCode: r.parentCode, lng: r.lng, lat: r.lat }]
        : [],
    );
    const parents = [...new Set(seeds.map((s) => s.parentCode ?? ''))].sort();
    return communityAreas(seeds, extent).map((a) => ({
      ...a,
      shade: shades[parents.indexOf(a.parentCode ?? '') % shades.length] as string,
      positions: a.ring.map((p) => toDisplay(p, system)),
    }));
  }, [regions, extent, system]);
  return (
    <>
      {areas.map((a) => (
        <Polygon
          key={a.code}
          positions={a.positions}
          className="lf-community-area"
          pathOptions={{ color: '#d9d9d9', weight: 0.8, fillColor: a.shade, fillOpacity: 0.9 }}
        >
          <Tooltip sticky className="lf-area-tip">{`${a.name}（${approximateLabel}）`}</Tooltip>
        </Polygon>
      ))}
    </>
  );
}
