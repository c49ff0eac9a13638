import { describe, expect, it } from 'vitest';
import { approximatePoint, fnv1a, jitteredPoint, offset, withinBounds } from './approximate-location.js';
import { readDistrictPlaces } from './places.js';

const places = readDistrictPlaces('371002');
if (!places) throw new Error('no place data for 371002');

const km = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) => {
  const dLat = (a.lat - b.lat) * 111.32;
  const dLng = (a.lng - b.lng) * 111.32 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dLat, dLng);
};

describe('approximate site points', () => {
  it('has hand-placed, approximate centres for the 9 Huancui subdistricts inside the district bounds', () => {
    expect(places.approximate).toBe(true);
    expect(places.subdistricts).toHaveLength(9);
    for (const s of places.subdistricts) expect(withinBounds(s, places.bounds), s.name).toBe(true);
    expect(withinBounds(places.district_centre, places.bounds)).toBe(true);
  });

  it('puts the district and subdistrict sites on their centres', () => {
    expect(approximatePoint(places, '371002')).toEqual({ lng: 122.1163, lat: 37.5018 });
    expect(approximatePoint(places, '371002002')).toEqual({ lng: 122.1232, lat: 37.5153 });
  });

  it('spreads communities deterministically within the subdistrict radius, never on one spot', () => {
    const sub = places.subdistricts.find((s) => s.code === '371002109');
    if (!sub) throw new Error('桥头镇 missing');
    const points = Array.from({ length: 52 }, (_, i) => approximatePoint(places, `371002109${String(200 + i)}`));
    for (const p of points) {
      expect(km(p, sub)).toBeLessThanOrEqual(sub.jitterKm + 0.01);
      expect(km(p, sub)).toBeGreaterThanOrEqual(0.14);
      expect(withinBounds(p, places.bounds)).toBe(true);
    }
    expect(new Set(points.map((p) => `${p.lng},${p.lat}`)).size).toBe(points.length);
    expect(approximatePoint(places, '371002109201')).toEqual(approximatePoint(places, '371002109201'));
  });

  it('moves a point by the asked distance', () => {
    const centre = { lng: 122.12, lat: 37.51 };
    expect(km(offset(centre, 1, 0), centre)).toBeCloseTo(1, 2);
    expect(km(offset(centre, 2, Math.PI / 2), centre)).toBeCloseTo(2, 2);
    expect(km(jitteredPoint(centre, 0, 'x'), centre)).toBeCloseTo(0.15, 2);
  });

  it('hashes stably (FNV-1a)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });
});
