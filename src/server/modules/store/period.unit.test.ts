import { describe, expect, it } from 'vitest';
import { newPickupCode, periodStart } from './period.js';

describe('limit periods in China time', () => {
  // 2026-03-04 is a Wednesday; 01:30 on the 4th in China is 17:30 on the 3rd in UTC.
  const now = new Date('2026-03-03T17:30:00Z');
  it('starts the day at China midnight', () => {
    expect(periodStart('day', now).toISOString()).toBe('2026-03-03T16:00:00.000Z');
  });
  it('starts the week on Monday', () => {
    expect(periodStart('week', now).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    // A Sunday belongs to the week that began six days earlier.
    expect(periodStart('week', new Date('2026-03-08T10:00:00Z')).toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });
  it('starts the month on the first', () => {
    expect(periodStart('month', now).toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('pickup codes', () => {
  it('are eight digits and vary', () => {
    const codes = new Set(Array.from({ length: 200 }, newPickupCode));
    for (const c of codes) expect(c).toMatch(/^\d{8}$/);
    expect(codes.size).toBeGreaterThan(190);
  });
});
