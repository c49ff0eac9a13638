import fc from 'fast-check';
import {
  cellsToMultiPolygon,
  cellToLatLng,
  getHexagonEdgeLengthAvg,
  gridDisk,
  isValidCell,
  latLngToCell,
  UNITS,
} from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellRing, cellsOutline, type Position } from './map-shapes.js';
import { metersBetween } from './reach.js';

const CENTRE = latLngToCell(37.53, 122.12, 10);

/** Point-in-ring by ray casting ([lng, lat] rings). */
function inside([x, y]: Position, ring: Position[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}
const inPolygon = (p: Position, polygon: Position[][]) =>
  inside(p, polygon[0] as Position[]) && !polygon.slice(1).some((hole) => inside(p, hole));
const centreOf = (cell: string): Position => {
  const [lat, lng] = cellToLatLng(cell);
  return [lng, lat];
};

describe('map shapes of H3 cells', () => {
  it('a cell ring is a closed hexagon around the cell centre, one edge length from it', () => {
    const ring = cellRing(CENTRE);
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    expect(inside(centreOf(CENTRE), ring)).toBe(true);
    const edge = getHexagonEdgeLengthAvg(10, UNITS.m);
    const [lng, lat] = centreOf(CENTRE);
    for (const [vLng, vLat] of ring) {
      const d = metersBetween(lat, lng, vLat, vLng);
      expect(d).toBeGreaterThan(edge * 0.75);
      expect(d).toBeLessThan(edge * 1.25);
    }
  });

  it('the outline of a disk of cells is one polygon holding every cell centre of the disk and none beyond', () => {
    const disk = gridDisk(CENTRE, 3);
    const outline = cellsOutline(disk);
    expect(outline).toHaveLength(1);
    const polygon = outline[0] as Position[][];
    expect(polygon).toHaveLength(1); // no holes
    for (const c of disk) expect(inPolygon(centreOf(c), polygon)).toBe(true);
    const beyond = gridDisk(CENTRE, 5).filter((c) => !disk.includes(c));
    for (const c of beyond) expect(inPolygon(centreOf(c), polygon)).toBe(false);
  });

  it('a ring of cells has a hole where the missing centre is; two distant groups give two polygons', () => {
    const ring = gridDisk(CENTRE, 2).filter((c) => c !== CENTRE);
    const [polygon] = cellsOutline(ring) as Position[][][];
    expect(polygon).toHaveLength(2);
    expect(inPolygon(centreOf(CENTRE), polygon as Position[][])).toBe(false);
    for (const c of ring) expect(inPolygon(centreOf(c), polygon as Position[][])).toBe(true);

    const far = latLngToCell(37.6, 122.3, 10);
    expect(isValidCell(far)).toBe(true);
    expect(cellsOutline([CENTRE, far, CENTRE])).toHaveLength(2);
    expect(cellsOutline([])).toEqual([]);
  });

  it('matches h3-js cellsToMultiPolygon on random sets of cells: the same cell centres inside, polygons and holes', () => {
    const inMulti = (p: Position, multi: Position[][][]) => multi.some((polygon) => inPolygon(p, polygon));
    fc.assert(
      fc.property(
        fc.constantFrom(8, 9, 10),
        fc.constantFrom([37.53, 122.12], [22.3, 114.2], [64.1, -21.9]),
        fc.array(fc.boolean(), { minLength: 127, maxLength: 127 }),
        (resolution, [lat, lng], chosen) => {
          const centre = latLngToCell(lat as number, lng as number, resolution);
          const disk = gridDisk(centre, 6);
          const cells = disk.filter((_, i) => chosen[i]);
          const ours = cellsOutline(cells);
          const theirs = cellsToMultiPolygon(cells, true);
          expect(ours.length).toBe(theirs.length);
          expect(ours.flat().length).toBe(theirs.flat().length);
          for (const c of disk) {
            expect(inMulti(centreOf(c), ours)).toBe(inMulti(centreOf(c), theirs as Position[][][]));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
