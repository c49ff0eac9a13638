import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAR_THRESHOLDS_HOURS as DEFAULT } from './settings.js';
import { starLevel, validThresholds } from './star-level.js';

const h = (hours: number) => hours * 60;

describe('starLevel', () => {
  it('follows the default thresholds 100/300/600/1000/1500 hours', () => {
    expect(starLevel(0, DEFAULT)).toMatchObject({ level: 0, nextThresholdHours: 100, minutesToNext: h(100) });
    expect(starLevel(h(100) - 1, DEFAULT).level).toBe(0);
    expect(starLevel(h(100), DEFAULT)).toMatchObject({ level: 1, nextThresholdHours: 300, progress: 0 });
    expect(starLevel(h(200), DEFAULT)).toMatchObject({ level: 1, progress: 0.5, minutesToNext: h(100) });
    expect(starLevel(h(1000), DEFAULT).level).toBe(4);
    expect(starLevel(h(1600), DEFAULT)).toMatchObject({
      level: 5,
      nextThresholdHours: null,
      minutesToNext: 0,
      progress: 1,
    });
  });

  it('takes a tenant’s own thresholds', () => {
    expect(starLevel(h(25), [10, 20, 30]).level).toBe(2);
  });

  it('accepts only increasing positive whole hours', () => {
    expect(validThresholds(DEFAULT)).toBe(true);
    expect(validThresholds([100, 100])).toBe(false);
    expect(validThresholds([0, 10])).toBe(false);
    expect(validThresholds([])).toBe(false);
  });

  it('never goes down as minutes grow, and progress stays within 0–1', () => {
    fc.assert(
      fc.property(fc.nat(h(2000)), fc.nat(h(500)), (a, more) => {
        const x = starLevel(a, DEFAULT);
        const y = starLevel(a + more, DEFAULT);
        expect(y.level).toBeGreaterThanOrEqual(x.level);
        expect(x.progress).toBeGreaterThanOrEqual(0);
        expect(x.progress).toBeLessThanOrEqual(1);
      }),
    );
  });
});
