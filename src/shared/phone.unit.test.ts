import { describe, expect, it } from 'vitest';
import { maskPhone, phonePattern } from './phone.js';

describe('maskPhone', () => {
  it('keeps the first three and last four characters around four stars', () => {
    expect(maskPhone('13800000005')).toBe('138****0005');
    expect(maskPhone('0631-5201234')).toBe('063****1234');
  });

  it('hides short values whole and passes null through', () => {
    expect(maskPhone('5201234')).toBe('****');
    expect(maskPhone('')).toBe('****');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
  });
});

describe('phonePattern', () => {
  it('accepts mainland mobile numbers only', () => {
    expect(phonePattern.test('13800000005')).toBe(true);
    expect(phonePattern.test('12800000005')).toBe(false);
    expect(phonePattern.test('1380000000')).toBe(false);
  });
});
