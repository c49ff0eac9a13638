import { cellsToMultiPolygon, cellToBoundary } from 'h3-js';

/** A GeoJSON position [lng, lat], rounded to about 10 cm. */
export type Position = [number, number];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const rounded = ([lng, lat]: number[]): Position => [round6(lng as number), round6(lat as number)];

/** The hexagon of one H3 cell as a closed GeoJSON ring ([lng, lat], first vertex repeated). */
export function cellRing(cell: string): Position[] {
  const ring = cellToBoundary(cell, true).map(rounded);
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
  return ring;
}

/**
 * The outline of a set of H3 cells (e.g. the covered area) as GeoJSON MultiPolygon coordinates:
 * neighbouring cells merge into one polygon, with holes where cells inside are missing.
 */
export function cellsOutline(cells: Iterable<string>): Position[][][] {
  const unique = [...new Set(cells)];
  if (unique.length === 0) return [];
  return cellsToMultiPolygon(unique, true).map((polygon) => polygon.map((ring) => ring.map(rounded)));
}
