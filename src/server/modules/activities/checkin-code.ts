/**
 * The rotating check-in code a site's screen shows (display mode). Two forms of one secret:
 *
 * - the QR token `a1.<session id>.<issued at, base36 seconds>.<HMAC>`: the page scanning it knows
 *   which occurrence it is for and when it was shown; it is valid for CODE_TTL_SECONDS;
 * - the short code (6 digits) under the QR code, for typing: HMAC of the occurrence and a 10-second
 *   step. Typed, it names no occurrence, so the server tries it against the occurrences the
 *   volunteer may check in to now, for the steps of the last CODE_TTL_SECONDS.
 *
 * The key is derived from the deployment's PII key (HKDF), so nothing new needs configuring. Pure
 * apart from the HMAC.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const CODE_TTL_SECONDS = 30;
/** How often the screen shows a new code. */
export const STEP_SECONDS = 10;
/** Tolerated clock difference between the screen's server and the checking server. */
const FUTURE_SKEW_SECONDS = 5;
const PREFIX = 'a1';

export function deriveCheckinKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'leifeng/activities/checkin/v1', 32));
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();

export function signToken(key: Buffer, sessionId: string, issuedAt: Date): string {
  const seconds = Math.floor(issuedAt.getTime() / 1000).toString(36);
  const body = `${PREFIX}.${sessionId}.${seconds}`;
  return `${body}.${mac(key, body).subarray(0, 16).toString('base64url')}`;
}

export type TokenVerdict =
  | { ok: true; sessionId: string; issuedAt: Date }
  | { ok: false; reason: 'forged' }
  | { ok: false; reason: 'expired'; sessionId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function verifyToken(key: Buffer, token: string, now: Date): TokenVerdict {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return { ok: false, reason: 'forged' };
  const [, sessionId = '', seconds = '', signature = ''] = parts;
  if (!UUID.test(sessionId) || !/^[0-9a-z]{1,10}$/.test(seconds)) return { ok: false, reason: 'forged' };
  const expected = mac(key, `${PREFIX}.${sessionId}.${seconds}`).subarray(0, 16);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const issuedAt = new Date(Number.parseInt(seconds, 36) * 1000);
  const age = (now.getTime() - issuedAt.getTime()) / 1000;
  if (age > CODE_TTL_SECONDS || age < -FUTURE_SKEW_SECONDS) return { ok: false, reason: 'expired', sessionId };
  return { ok: true, sessionId, issuedAt };
}

const stepOf = (at: Date) => Math.floor(at.getTime() / 1000 / STEP_SECONDS);

function codeForStep(key: Buffer, sessionId: string, step: number): string {
  const digest = mac(key, `${PREFIX}.code.${sessionId}.${step}`);
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** The short code shown at `at`. */
export const shortCode = (key: Buffer, sessionId: string, at: Date) => codeForStep(key, sessionId, stepOf(at));

/** The short code shown during the step that includes `at`, valid until the end of that step plus the TTL. */
export function shortCodeExpiry(at: Date): Date {
  return new Date((stepOf(at) * STEP_SECONDS + STEP_SECONDS + CODE_TTL_SECONDS - STEP_SECONDS) * 1000);
}

/**
 * Which of the candidate occurrences a typed code belongs to, if it was shown within the TTL.
 * `expired` when it matches an occurrence's code of a little earlier (so the person hears why).
 */
export function matchShortCode(
  key: Buffer,
  code: string,
  sessionIds: string[],
  now: Date,
): { ok: true; sessionId: string } | { ok: false; reason: 'forged' | 'expired' } {
  const current = stepOf(now);
  const fresh = Math.ceil(CODE_TTL_SECONDS / STEP_SECONDS);
  for (const sessionId of sessionIds) {
    for (let back = 0; back < fresh; back++) {
      if (codeForStep(key, sessionId, current - back) === code) return { ok: true, sessionId };
    }
  }
  // Shown up to ten minutes ago: say "expired" rather than "wrong".
  for (const sessionId of sessionIds) {
    for (let back = fresh; back < fresh + 60; back++) {
      if (codeForStep(key, sessionId, current - back) === code) return { ok: false, reason: 'expired' };
    }
  }
  return { ok: false, reason: 'forged' };
}
