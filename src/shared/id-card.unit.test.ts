import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, maskIdNumber, parseIdNumber } from './id-card.js';

/** A small deterministic PRNG (mulberry32), so generated cases are the same on every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A random valid ID number born between 1930 and 2015. */
function generate(next: () => number): { number: string; birthDate: string; gender: 'male' | 'female' } {
  const region = pad(110000 + Math.floor(next() * 550000), 6);
  const birth = new Date(Date.UTC(1930, 0, 1) + Math.floor(next() * 85 * 365.25) * 86_400_000);
  const birthDate = birth.toISOString().slice(0, 10);
  const seq = pad(Math.floor(next() * 1000), 3);
  const first17 = `${region}${birthDate.replaceAll('-', '')}${seq}`;
  return {
    number: first17 + checkCharacter(first17),
    birthDate,
    gender: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
  };
}

describe('GB 11643 ID numbers', () => {
  it('accepts the standard examples and derives birth date and gender', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      info: { number: '11010519491231002X', birthDate: '1949-12-31', gender: 'female', issuingRegion: '110105' },
    });
    const lower = parseIdNumber('11010519491231002x');
    expect(lower.ok && lower.info.number).toBe('11010519491231002X');
    const male = parseIdNumber(`37100219900101123${checkCharacter('37100219900101123')}`);
    expect(male.ok && male.info).toMatchObject({ birthDate: '1990-01-01', gender: 'male', issuingRegion: '371002' });
    expect(parseIdNumber('440524188001010014')).toEqual({ ok: false, problem: 'birth_date' }); // before 1900
  });

  it('round-trips 2,000 generated numbers: valid, with the birth date and gender they were built from', () => {
    const next = rng(11643);
    for (let i = 0; i < 2000; i++) {
      const g = generate(next);
      const parsed = parseIdNumber(g.number);
      expect(parsed, g.number).toEqual({
        ok: true,
        info: { number: g.number, birthDate: g.birthDate, gender: g.gender, issuingRegion: g.number.slice(0, 6) },
      });
    }
  });

  it('rejects every single-character change of a valid number (MOD 11-2 catches all single errors)', () => {
    const next = rng(7064);
    const alphabet = '0123456789X';
    for (let i = 0; i < 200; i++) {
      const { number } = generate(next);
      for (let pos = 0; pos < 18; pos++) {
        for (const c of alphabet) {
          if (c === number[pos]) continue;
          const changed = number.slice(0, pos) + c + number.slice(pos + 1);
          expect(parseIdNumber(changed).ok, changed).toBe(false);
        }
      }
    }
  });

  it('rejects swaps of two different adjacent digits in the first 17 positions', () => {
    const next = rng(42);
    for (let i = 0; i < 300; i++) {
      const { number } = generate(next);
      for (let pos = 0; pos < 16; pos++) {
        if (number[pos] === number[pos + 1]) continue;
        const swapped = number.slice(0, pos) + number[pos + 1] + number[pos] + number.slice(pos + 2);
        expect(parseIdNumber(swapped).ok, swapped).toBe(false);
      }
    }
  });

  it('names the problem: format, birth date or check digit', () => {
    expect(parseIdNumber('1101051949123100')).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('11010519491231002A')).toEqual({ ok: false, problem: 'format' });
    const feb30 = `11010519900230123`;
    expect(parseIdNumber(feb30 + checkCharacter(feb30))).toEqual({ ok: false, problem: 'birth_date' });
    const future = '110105209901011234';
    expect(parseIdNumber(future.slice(0, 17) + checkCharacter(future.slice(0, 17)))).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'check_digit' });
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('37100219900101123X')).toBe('3710**********123X');
  });

  it('computes age in full years', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });
});
