import { describe, expect, it } from 'vitest';
import { type AreaSeed, clusterIndex, communityAreas } from './map-areas.js';

const extent = { minLng: 122.0, maxLng: 122.2, minLat: 37.4, maxLat: 37.6 };
const k = Math.cos((37.5 * Math.PI) / 180);
const dist = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) =>
  Math.hypot((a.lng - b.lng) * k, a.lat - b.lat);

/** Ray casting: is the point inside the closed ring? */
function inside(p: { lng: number; lat: number }, ring: { lng: number; lat: number }[]) {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as { lng: number; lat: number };
    const b = ring[j] as { lng: number; lat: number };
    if (a.lat > p.lat !== b.lat > p.lat && p.lng < ((b.lng - a.lng) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lng)
      hit = !hit;
  }
  return hit;
}

function seeds(n: number, seed: number): AreaSeed[] {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => ({
    code: `c${i}`,
    name: `社区${i}`,
    parentCode: null,
    lng: extent.minLng + rand() * 0.2,
    lat: extent.minLat + rand() * 0.2,
  }));
}

describe('community areas', () => {
  it('put every place of the extent in the area of its nearest community (brute force)', () => {
    const points = seeds(25, 7);
    const areas = communityAreas(points, extent);
    expect(areas).toHaveLength(25);
    for (let x = 0; x < 20; x++) {
      for (let y = 0; y < 20; y++) {
        const p = { lng: extent.minLng + (x + 0.5) * 0.01, lat: extent.minLat + (y + 0.5) * 0.01 };
        const nearest = [...points].sort((a, b) => dist(a, p) - dist(b, p))[0] as AreaSeed;
        const holders = areas.filter((a) => inside(p, a.ring)).map((a) => a.code);
        expect(holders).toEqual([nearest.code]);
      }
    }
  });

  it('stay inside the extent and leave out communities outside it', () => {
    const points = [...seeds(6, 3), { code: 'far', name: '远处', parentCode: null, lng: 125, lat: 37.5 }];
    const areas = communityAreas(points, extent);
    expect(areas.map((a) => a.code)).not.toContain('far');
    for (const a of areas) {
      for (const v of a.ring) {
        expect(v.lng).toBeGreaterThanOrEqual(extent.minLng - 1e-9);
        expect(v.lng).toBeLessThanOrEqual(extent.maxLng + 1e-9);
        expect(v.lat).toBeGreaterThanOrEqual(extent.minLat - 1e-9);
        expect(v.lat).toBeLessThanOrEqual(extent.maxLat + 1e-9);
      }
    }
  });
});

describe('station clusters', () => {
  const points = seeds(200, 11).map((s) => ({ id: s.code, lng: s.lng, lat: s.lat }));
  const clusters = clusterIndex(points);

  it('account for every point exactly once at every zoom', () => {
    for (const zoom of [8, 11, 13, 16]) {
      const shown = clusters(zoom);
      const total = shown.reduce((sum, c) => sum + (c.kind === 'cluster' ? c.count : 1), 0);
      expect(total).toBe(200);
    }
  });

  it('group many points when zoomed out and none beyond the last clustering zoom', () => {
    expect(clusters(10).length).toBeLessThan(50);
    expect(clusters(16).every((c) => c.kind === 'point')).toBe(true);
    const first = clusters(10).find((c) => c.kind === 'cluster');
    expect(first && first.kind === 'cluster' ? first.expansionZoom : 0).toBeGreaterThan(10);
  });
});
