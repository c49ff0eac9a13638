import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RoundingRule, roundMinutes, serviceMinutes } from './service-minutes.js';

const at = (hhmm: string, day = '2026-12-05') => new Date(`${day}T${hhmm}:00+08:00`);
const window = { windowStart: at('09:00'), windowEnd: at('11:00') };

describe('serviceMinutes', () => {
  it('counts only the time inside the activity window: commuting and lingering do not count', () => {
    expect(serviceMinutes({ ...window, checkIn: at('08:20'), checkOut: at('11:40') })).toBe(120);
    expect(serviceMinutes({ ...window, checkIn: at('09:10'), checkOut: at('10:25') })).toBe(75);
    expect(serviceMinutes({ ...window, checkIn: at('10:30'), checkOut: at('12:00') })).toBe(30);
  });

  it('is zero when the attendance misses the window or is reversed', () => {
    expect(serviceMinutes({ ...window, checkIn: at('11:05'), checkOut: at('12:00') })).toBe(0);
    expect(serviceMinutes({ ...window, checkIn: at('07:00'), checkOut: at('08:59') })).toBe(0);
    expect(serviceMinutes({ ...window, checkIn: at('10:00'), checkOut: at('09:30') })).toBe(0);
  });

  it('applies the rounding rule: half hours down, nearest quarter, a started hour, a minimum', () => {
    const span = { ...window, checkIn: at('09:07'), checkOut: at('10:29') }; // 82 minutes
    expect(serviceMinutes({ ...span, rounding: { unitMinutes: 30, mode: 'down' } })).toBe(60);
    expect(serviceMinutes({ ...span, rounding: { unitMinutes: 15, mode: 'nearest' } })).toBe(75);
    expect(serviceMinutes({ ...span, rounding: { unitMinutes: 60, mode: 'up' } })).toBe(120);
    const short = { ...window, checkIn: at('09:00'), checkOut: at('09:09') };
    expect(serviceMinutes({ ...short, rounding: { unitMinutes: 1, mode: 'down', minimumMinutes: 10 } })).toBe(0);
  });

  it('drops seconds (whole minutes served) and never rounds up beyond the window', () => {
    const checkIn = new Date(at('09:00').getTime() + 59_000);
    expect(serviceMinutes({ ...window, checkIn, checkOut: at('09:10') })).toBe(9);
    expect(
      serviceMinutes({
        ...window,
        checkIn: at('08:00'),
        checkOut: at('12:00'),
        rounding: { unitMinutes: 45, mode: 'up' },
      }),
    ).toBe(90);
  });

  it('refuses a grain that is not a positive whole number of minutes', () => {
    expect(() => roundMinutes(10, { unitMinutes: 0, mode: 'down' })).toThrow(RangeError);
    expect(() => roundMinutes(10, { unitMinutes: 2.5, mode: 'down' })).toThrow(RangeError);
  });
});

const base = at('00:00').getTime();
const minute = 60_000;
const instant = fc.integer({ min: 0, max: 36 * 60 * 60 }).map((s) => new Date(base + s * 1000));
const rule: fc.Arbitrary<RoundingRule> = fc.record({
  unitMinutes: fc.constantFrom(1, 5, 10, 15, 30, 60),
  mode: fc.constantFrom('down' as const, 'nearest' as const, 'up' as const),
  minimumMinutes: fc.constantFrom(0, 0, 10),
});
const span = fc
  .record({ a: instant, b: instant, c: instant, d: instant, rounding: rule })
  .map(({ a, b, c, d, rounding }) => {
    const [checkIn, checkOut] = a <= b ? [a, b] : [b, a];
    const [windowStart, windowEnd] = c <= d ? [c, d] : [d, c];
    return { checkIn, checkOut, windowStart, windowEnd, rounding };
  });

describe('serviceMinutes properties', () => {
  it('is a whole multiple of the grain, between 0 and the window, within one grain of the time served', () => {
    fc.assert(
      fc.property(span, (s) => {
        const m = serviceMinutes(s);
        const unit = s.rounding.unitMinutes;
        const overlap =
          Math.max(
            0,
            Math.min(s.checkOut.getTime(), s.windowEnd.getTime()) -
              Math.max(s.checkIn.getTime(), s.windowStart.getTime()),
          ) / minute;
        const served = Math.min(overlap, 24 * 60); // one record holds at most a day
        const windowMinutes = (s.windowEnd.getTime() - s.windowStart.getTime()) / minute;
        expect(Number.isInteger(m)).toBe(true);
        expect(m % unit).toBe(0);
        expect(m).toBeGreaterThanOrEqual(0);
        expect(m).toBeLessThanOrEqual(Math.min(windowMinutes, 24 * 60));
        if (m > 0) expect(Math.abs(m - served)).toBeLessThan(unit);
        if (s.rounding.mode === 'down') expect(m).toBeLessThanOrEqual(served);
      }),
    );
  });

  it('never counts time outside the window: stretching check-in earlier or check-out later past it changes nothing', () => {
    fc.assert(
      fc.property(span, fc.integer({ min: 0, max: 600 }), (s, extra) => {
        const early = new Date(Math.min(s.checkIn.getTime(), s.windowStart.getTime()) - extra * minute);
        const late = new Date(Math.max(s.checkOut.getTime(), s.windowEnd.getTime()) + extra * minute);
        const clampedIn = s.checkIn < s.windowStart ? early : s.checkIn;
        const clampedOut = s.checkOut > s.windowEnd ? late : s.checkOut;
        expect(serviceMinutes({ ...s, checkIn: clampedIn, checkOut: clampedOut })).toBe(serviceMinutes(s));
      }),
    );
  });

  it('staying longer never earns less', () => {
    fc.assert(
      fc.property(span, fc.integer({ min: 0, max: 600 }), (s, extra) => {
        const longer = { ...s, checkOut: new Date(s.checkOut.getTime() + extra * minute) };
        expect(serviceMinutes(longer)).toBeGreaterThanOrEqual(serviceMinutes(s));
      }),
    );
  });
});
