import { describe, expect, it } from 'vitest';
import { boundsOf, fromDisplay, toDisplay } from './map-geometry.js';

describe('map coordinates', () => {
  const weihai = { lng: 122.12, lat: 37.51 };

  it('draws WGS-84 points as they are on WGS-84 tiles', () => {
    expect(toDisplay(weihai, 'wgs84')).toEqual([37.51, 122.12]);
    expect(fromDisplay(37.51, 122.12, 'wgs84')).toEqual(weihai);
  });

  it('shifts points for GCJ-02 tiles by a few hundred metres, and back', () => {
    const [lat, lng] = toDisplay(weihai, 'gcj02');
    const shiftKm = Math.hypot((lat - weihai.lat) * 111, (lng - weihai.lng) * 88);
    expect(shiftKm).toBeGreaterThan(0.1);
    expect(shiftKm).toBeLessThan(1);
    const back = fromDisplay(lat, lng, 'gcj02');
    expect(back.lng).toBeCloseTo(weihai.lng, 5);
    expect(back.lat).toBeCloseTo(weihai.lat, 5);
  });

  it('bounds a set of points', () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        [37.5, 122.1],
        [37.4, 122.2],
      ]),
    ).toEqual([
      [37.4, 122.1],
      [37.5, 122.2],
    ]);
  });
});
