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

/** Twice the signed area of a closed ring in degrees (positive: counter-clockwise). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function inside([x, y]: Position, ring: Position[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/**
 * The outline of a set of H3 cells (e.g. the covered area) as GeoJSON MultiPolygon coordinates:
 * neighbouring cells merge into one polygon, with holes where cells inside are missing.
 *
 * Every cell walks its hexagon counter-clockwise, so an edge two chosen cells share is walked once
 * each way and cancels; the edges left are the boundary. A vertex joins three cells, so the boundary
 * passes it at most once and the edges chain into rings: counter-clockwise rings are outlines,
 * clockwise ones holes. Vertices are matched by their coordinates to 1e-7°; h3-js's
 * cellsToMultiPolygon (the same shape, 5–10 × slower) takes over whenever that could go wrong: a
 * pentagon, a hexagon crossing an icosahedron edge (more than six vertices), or rings that do not close.
 */
export function cellsOutline(cells: Iterable<string>): Position[][][] {
  const unique = new Set(cells);
  if (unique.size === 0) return [];
  return edgeOutline(unique) ?? h3Outline(unique);
}

function h3Outline(cells: Set<string>): Position[][][] {
  return cellsToMultiPolygon([...cells], true).map((polygon) => polygon.map((ring) => ring.map(rounded)));
}

const VERTEX_SPAN = 2 ** 26;

function edgeOutline(cells: Set<string>): Position[][][] | null {
  const ids = new Map<string, number>(); // vertex "lng,lat" in 1e-7° → id
  const positions: Position[] = [];
  const boundary = new Set<number>(); // from * VERTEX_SPAN + to, boundary edges only
  for (const cell of cells) {
    const corners = cellToBoundary(cell);
    if (corners.length !== 6) return null;
    const keys = corners.map(([lat, lng]) => {
      const key = `${Math.round(lng * 1e7)},${Math.round(lat * 1e7)}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = positions.length;
        ids.set(key, id);
        positions.push([round6(lng), round6(lat)]);
      }
      return id;
    });
    for (let k = 0; k < 6; k++) {
      const a = keys[k] as number;
      const b = keys[(k + 1) % 6] as number;
      if (!boundary.delete(b * VERTEX_SPAN + a)) boundary.add(a * VERTEX_SPAN + b);
    }
  }
  if (positions.length >= VERTEX_SPAN) return null;
  const next = new Int32Array(positions.length).fill(-1); // from vertex → to vertex
  for (const edge of boundary) {
    const a = Math.floor(edge / VERTEX_SPAN);
    if (next[a] !== -1) return null;
    next[a] = edge - a * VERTEX_SPAN;
  }
  const outers: { ring: Position[]; area: number; box: [number, number, number, number]; holes: Position[][] }[] = [];
  const holes: Position[][] = [];
  const seen = new Uint8Array(positions.length);
  for (let start = 0; start < positions.length; start++) {
    if (seen[start] || next[start] === -1) continue;
    const ring: Position[] = [];
    let v = start;
    do {
      seen[v] = 1;
      ring.push(positions[v] as Position);
      const to = next[v] as number;
      if (to === -1 || (seen[to] && to !== start)) return null;
      v = to;
    } while (v !== start);
    ring.push(ring[0] as Position);
    const area = signedArea(ring);
    if (area > 0) outers.push({ ring, area, box: boxOf(ring), holes: [] });
    else holes.push(ring);
  }
  for (const hole of holes) {
    // The innermost outline around the hole is the one it belongs to (an island in a hole is not).
    const [x, y] = hole[0] as Position;
    let owner: (typeof outers)[number] | undefined;
    for (const o of outers) {
      if (x < o.box[0] || x > o.box[2] || y < o.box[1] || y > o.box[3]) continue;
      if ((!owner || o.area < owner.area) && inside([x, y], o.ring)) owner = o;
    }
    if (!owner) return null;
    owner.holes.push(hole);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}

function boxOf(ring: Position[]): [number, number, number, number] {
  let [minX, minY] = ring[0] as Position;
  let [maxX, maxY] = [minX, minY];
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}
