import { cellToLatLng, latLngToCell, polygonToCells } from 'h3-js';

export type LngLat = [number, number];
export type PolygonCoords = LngLat[][];

export type PopulationGeometry =
  | { type: 'Point'; coordinates: LngLat }
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

export interface PopulationFeature {
  geometry: PopulationGeometry;
  /** Whole people. */
  population: number;
  /** Region code of the community the people belong to. */
  community: string;
}

/** People of one community inside one H3 cell (a cell shared by two communities gives two entries). */
export interface PopulationCell {
  cell: string;
  lat: number;
  lng: number;
  community: string;
  population: number;
}

function ringCentroid(ring: LngLat[]): LngLat {
  let lng = 0;
  let lat = 0;
  const n = ring.length > 1 ? ring.length - 1 : ring.length; // GeoJSON rings repeat the first vertex
  for (let i = 0; i < n; i++) {
    lng += (ring[i] as LngLat)[0];
    lat += (ring[i] as LngLat)[1];
  }
  return [lng / n, lat / n];
}

/** Spreads whole people over cells: equal shares, the remainder one each to the first cells (deterministic). */
function spread(population: number, cells: string[]): [string, number][] {
  const sorted = [...cells].sort();
  const base = Math.floor(population / sorted.length);
  let rest = population - base * sorted.length;
  return sorted.map((c) => [c, base + (rest-- > 0 ? 1 : 0)]);
}

function cellsOf(geometry: PopulationGeometry, resolution: number): string[] {
  if (geometry.type === 'Point') {
    return [latLngToCell(geometry.coordinates[1], geometry.coordinates[0], resolution)];
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const cells = new Set<string>();
  for (const polygon of polygons) for (const c of polygonToCells(polygon, resolution, true)) cells.add(c);
  if (cells.size === 0) {
    // A polygon smaller than a cell holds no cell centre: its people go to the cell of its centroid.
    const [lng, lat] = ringCentroid((polygons[0] as PolygonCoords)[0] as LngLat[]);
    cells.add(latLngToCell(lat, lng, resolution));
  }
  return [...cells];
}

/** Aggregates population points and polygons to H3 cells at `resolution`, per community. */
export function aggregatePopulation(features: PopulationFeature[], resolution: number): PopulationCell[] {
  const byKey = new Map<string, PopulationCell>();
  for (const f of features) {
    if (f.population <= 0) continue;
    for (const [cell, people] of spread(f.population, cellsOf(f.geometry, resolution))) {
      if (people === 0) continue;
      const key = `${cell}|${f.community}`;
      const found = byKey.get(key);
      if (found) found.population += people;
      else {
        const [lat, lng] = cellToLatLng(cell);
        byKey.set(key, { cell, lat, lng, community: f.community, population: people });
      }
    }
  }
  return [...byKey.values()].sort((a, b) =>
    a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : a.community < b.community ? -1 : 1,
  );
}
