import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_TTL_SECONDS,
  deriveCheckinKey,
  matchShortCode,
  STEP_SECONDS,
  shortCode,
  shortCodeExpiry,
  signToken,
  verifyToken,
} from './checkin-code.js';

const key = deriveCheckinKey(randomBytes(32));
const at = (s: number) => new Date(s * 1000);
const T0 = 1_790_000_000; // a whole multiple of the step

describe('QR token', () => {
  it('is valid for the TTL after it is shown, and expired after', () => {
    const id = randomUUID();
    const token = signToken(key, id, at(T0));
    expect(verifyToken(key, token, at(T0))).toEqual({ ok: true, sessionId: id, issuedAt: at(T0) });
    expect(verifyToken(key, token, at(T0 + CODE_TTL_SECONDS)).ok).toBe(true);
    expect(verifyToken(key, token, at(T0 + CODE_TTL_SECONDS + 1))).toEqual({
      ok: false,
      reason: 'expired',
      sessionId: id,
    });
    // Issued well in the future (a forged clock) is not accepted either.
    expect(verifyToken(key, token, at(T0 - 60)).ok).toBe(false);
  });

  it('is refused as forged when any part is changed or another key signed it', () => {
    const id = randomUUID();
    const token = signToken(key, id, at(T0));
    const other = deriveCheckinKey(randomBytes(32));
    expect(verifyToken(other, token, at(T0))).toEqual({ ok: false, reason: 'forged' });
    const [p, , s, mac] = token.split('.');
    expect(verifyToken(key, [p, randomUUID(), s, mac].join('.'), at(T0)).ok).toBe(false);
    expect(verifyToken(key, [p, id, (T0 + 5).toString(36), mac].join('.'), at(T0)).ok).toBe(false);
    expect(verifyToken(key, 'nonsense', at(T0))).toEqual({ ok: false, reason: 'forged' });
  });
});

describe('short code', () => {
  it('rotates every step and is accepted while it is within the TTL, then answers expired', () => {
    const id = randomUUID();
    const codes = Array.from({ length: 6 }, (_, i) => shortCode(key, id, at(T0 + i * STEP_SECONDS)));
    expect(new Set(codes).size).toBeGreaterThan(1);
    expect(shortCode(key, id, at(T0 + STEP_SECONDS - 1))).toBe(codes[0]);
    const code = codes[0] as string;
    for (let s = 0; s < CODE_TTL_SECONDS; s++) expect(matchShortCode(key, code, [id], at(T0 + s)).ok).toBe(true);
    expect(matchShortCode(key, code, [id], at(T0 + CODE_TTL_SECONDS))).toEqual({ ok: false, reason: 'expired' });
    expect(shortCodeExpiry(at(T0 + 3)).getTime()).toBe(at(T0 + CODE_TTL_SECONDS).getTime());
  });

  it('finds the occurrence a code belongs to among the candidates, and nothing for another occurrence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: CODE_TTL_SECONDS - 1 }),
        (t, age) => {
          const ids: string[] = [randomUUID(), randomUUID(), randomUUID()];
          const shown = at(T0 + t * STEP_SECONDS);
          const code = shortCode(key, ids[1] as string, shown);
          const found = matchShortCode(key, code, ids, new Date(shown.getTime() + age * 1000));
          // Another candidate may collide (1 in 10^6 per try): then it is one of the candidates anyway.
          return found.ok && ids.includes(found.sessionId);
        },
      ),
      { numRuns: 200 },
    );
    const id = randomUUID();
    const code = shortCode(key, id, at(T0));
    expect(matchShortCode(key, code, [randomUUID()], at(T0)).ok).toBe(false);
    expect(matchShortCode(key, code, [], at(T0))).toEqual({ ok: false, reason: 'forged' });
  });
});
