/**
 * Drawing aids for a map without tiles: approximate community areas (the Voronoi cells of the
 * community centre points, clipped to the district's extent) and clusters of the many stations.
 * Pure functions over WGS-84 points; the map converts them for display.
 */
import { Delaunay } from 'd3-delaunay';
import Supercluster from 'supercluster';
import type { LngLat } from './map-geometry.js';

export interface Extent {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

export interface AreaSeed {
  code: string;
  name: string;
  parentCode: string | null;
  lng: number;
  lat: number;
}

export interface CommunityArea {
  code: string;
  name: string;
  parentCode: string | null;
  /** A closed ring of WGS-84 points. */
  ring: LngLat[];
}

/**
 * The community areas: each place of the extent belongs to the nearest community centre (distances
 * measured with longitude shrunk by cos(latitude), so cells are not stretched east–west).
 * Communities sharing one point (none of them located yet) give one area, to the first of them.
 */
export function communityAreas(seeds: AreaSeed[], extent: Extent): CommunityArea[] {
  const inside = seeds.filter(
    (s) => s.lng >= extent.minLng && s.lng <= extent.maxLng && s.lat >= extent.minLat && s.lat <= extent.maxLat,
  );
  if (inside.length === 0) return [];
  const k = Math.cos((((extent.minLat + extent.maxLat) / 2) * Math.PI) / 180);
  const delaunay = Delaunay.from(
    inside,
    (s) => s.lng * k,
    (s) => s.lat,
  );
  const voronoi = delaunay.voronoi([extent.minLng * k, extent.minLat, extent.maxLng * k, extent.maxLat]);
  const areas: CommunityArea[] = [];
  inside.forEach((s, i) => {
    const polygon = voronoi.cellPolygon(i);
    if (!polygon) return;
    areas.push({
      code: s.code,
      name: s.name,
      parentCode: s.parentCode,
      ring: polygon.map(([x, y]) => ({ lng: (x as number) / k, lat: y as number })),
    });
  });
  return areas;
}

export interface ClusterPoint extends LngLat {
  id: string;
}

export type Clustered<P> =
  | { kind: 'point'; point: P }
  | { kind: 'cluster'; id: number; count: number; lng: number; lat: number; expansionZoom: number };

/** Groups points that would overlap at a zoom level; built once per point set, queried per view. */
export function clusterIndex<P extends ClusterPoint>(points: P[], radiusPx = 36, maxZoom = 15) {
  const index = new Supercluster<{ i: number }>({ radius: radiusPx, maxZoom, minPoints: 3 });
  index.load(
    points.map((p, i) => ({
      type: 'Feature' as const,
      properties: { i },
      geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
    })),
  );
  return (zoom: number, view: Extent = { minLng: -180, minLat: -85, maxLng: 180, maxLat: 85 }): Clustered<P>[] =>
    index.getClusters([view.minLng, view.minLat, view.maxLng, view.maxLat], Math.round(zoom)).map((f) => {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as { i?: number; cluster?: boolean; cluster_id?: number; point_count?: number };
      if (props.cluster) {
        const id = props.cluster_id as number;
        return {
          kind: 'cluster',
          id,
          count: props.point_count as number,
          lng,
          lat,
          expansionZoom: index.getClusterExpansionZoom(id),
        };
      }
      return { kind: 'point', point: points[props.i as number] as P };
    });
}
