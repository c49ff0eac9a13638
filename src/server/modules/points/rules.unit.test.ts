import { describe, expect, it } from 'vitest';
import { chinaMonth, chinaMonthStart, expirable, pointsForMinutes, splitReversal } from './rules.js';

describe('points rules', () => {
  it('credits pro rata by minutes, rounding halves up', () => {
    expect(pointsForMinutes(60, 10)).toBe(10);
    expect(pointsForMinutes(45, 10)).toBe(8);
    expect(pointsForMinutes(42, 10)).toBe(7);
    expect(pointsForMinutes(2, 10)).toBe(0);
    expect(pointsForMinutes(3, 10)).toBe(1);
    expect(pointsForMinutes(90, 0)).toBe(0);
    expect(pointsForMinutes(0, 10)).toBe(0);
  });
  it('takes back what is there and leaves the rest outstanding', () => {
    expect(splitReversal(10, 25)).toEqual({ taken: 10, outstanding: 0 });
    expect(splitReversal(10, 4)).toEqual({ taken: 4, outstanding: 6 });
    expect(splitReversal(10, 0)).toEqual({ taken: 0, outstanding: 10 });
  });
  it('expires the unspent part of old credits first-in first-out', () => {
    expect(expirable(100, 30)).toBe(70);
    expect(expirable(20, 30)).toBe(0);
    expect(expirable(20, -5)).toBe(20);
  });
  it('months are China months', () => {
    expect(chinaMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(chinaMonthStart(new Date('2026-12-15T00:00:00Z'), 24).toISOString()).toBe('2024-11-30T16:00:00.000Z');
  });
});
