/**
 * Coordinates for drawing. The server stores WGS-84; Chinese tile providers (AutoNavi/Amap,
 * Tencent) draw in GCJ-02, so for those every point is converted with gcoord before it is drawn,
 * and a pin the user moves is converted back to WGS-84 before it is saved.
 */
import gcoordModule from 'gcoord';
import { defaultExport } from '../shared/interop.js';

const gcoord = defaultExport<typeof gcoordModule.default>(gcoordModule);

export type CoordSystem = 'wgs84' | 'gcj02';

export interface LngLat {
  lng: number;
  lat: number;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** WGS-84 (stored) → the tiles' system, as Leaflet's [lat, lng]. */
export function toDisplay(p: LngLat, system: CoordSystem): [number, number] {
  if (system === 'wgs84') return [p.lat, p.lng];
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return [lat, lng];
}

/** A point on the drawn map (the tiles' system, Leaflet's lat/lng) → WGS-84 for storing. */
export function fromDisplay(lat: number, lng: number, system: CoordSystem): LngLat {
  if (system === 'wgs84') return { lng: round6(lng), lat: round6(lat) };
  const [wLng, wLat] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lng: round6(wLng), lat: round6(wLat) };
}

/** [[south, west], [north, east]] around the points, or null for none. */
export function boundsOf(points: [number, number][]): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let [s, w] = points[0] as [number, number];
  let [n, e] = [s, w];
  for (const [lat, lng] of points) {
    s = Math.min(s, lat);
    n = Math.max(n, lat);
    w = Math.min(w, lng);
    e = Math.max(e, lng);
  }
  return [
    [s, w],
    [n, e],
  ];
}
