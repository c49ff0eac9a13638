import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDistance, judgePosition, MAX_ACCURACY_M } from './geofence.js';

const SITE = { lng: 122.1226, lat: 37.5118 };
/** A point `m` metres north of the site. */
const north = (m: number) => ({ lng: SITE.lng, lat: SITE.lat + m / 111_195 });

describe('geofence', () => {
  it('accepts a fix inside the radius and refuses one 5 km away with its distance', () => {
    expect(judgePosition(SITE, 300, { ...north(100), accuracyM: 10 })).toMatchObject({ ok: true });
    const far = judgePosition(SITE, 300, { ...north(5000), accuracyM: 10 });
    expect(far).toMatchObject({ ok: false, reason: 'too_far', radiusM: 300 });
    expect(far.ok === false && far.reason === 'too_far' && Math.round(far.distanceM / 100)).toBe(50);
  });

  it('counts the accuracy circle: accepted exactly when distance ≤ radius + accuracy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 30, max: 1000 }),
        fc.integer({ min: 0, max: MAX_ACCURACY_M }),
        (d, radius, accuracy) => {
          const v = judgePosition(SITE, radius, { ...north(d), accuracyM: accuracy });
          // One metre of slack for the spherical approximation of `north`.
          if (d <= radius + accuracy - 1) return v.ok;
          if (d >= radius + accuracy + 1) return !v.ok;
          return true;
        },
      ),
    );
  });

  it('refuses a fix vaguer than the limit even at the site itself', () => {
    expect(judgePosition(SITE, 300, { ...SITE, accuracyM: MAX_ACCURACY_M + 1 })).toMatchObject({
      ok: false,
      reason: 'imprecise',
    });
  });

  it('describes distances in metres and kilometres', () => {
    expect(describeDistance(800)).toEqual({ zh: '约 800 米', en: 'about 800 m' });
    expect(describeDistance(5000)).toEqual({ zh: '约 5.0 公里', en: 'about 5.0 km' });
  });
});
