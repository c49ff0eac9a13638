import { describe, expect, it } from 'vitest';
import { ageClass, DEFAULT_AGE_RULES, fullYears, todayIn } from './age-rules.js';

describe('age rules', () => {
  it('counts full years from the whole birth date, not the birth year', () => {
    expect(fullYears('2008-06-15', '2026-06-14')).toBe(17);
    expect(fullYears('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageClass('2008-06-15', '2026-06-14', DEFAULT_AGE_RULES)).toBe('minor');
    expect(ageClass('2008-06-15', '2026-06-15', DEFAULT_AGE_RULES)).toBe('adult');
    expect(ageClass('2018-12-03', '2026-12-02', DEFAULT_AGE_RULES)).toBe('child');
    expect(ageClass('2018-12-02', '2026-12-02', DEFAULT_AGE_RULES)).toBe('minor');
    expect(ageClass('2018-12-02', '2026-12-02', { adultAge: 18, minAgeOnOwn: 10 })).toBe('child');
  });

  it('takes today in the tenant’s zone: 17:00 UTC on 1 June is already 2 June in Shanghai', () => {
    const at = new Date('2026-06-01T17:00:00Z');
    expect(todayIn('Asia/Shanghai', at)).toBe('2026-06-02');
    expect(todayIn('UTC', at)).toBe('2026-06-01');
    expect(ageClass('2008-06-02', todayIn('Asia/Shanghai', at), DEFAULT_AGE_RULES)).toBe('adult');
    expect(ageClass('2008-06-02', todayIn('UTC', at), DEFAULT_AGE_RULES)).toBe('minor');
  });
});
