/**
 * Personal data at rest. ID-card numbers are encrypted with AES-256-GCM (random 96-bit IV,
 * 128-bit tag, the tenant bound in as associated data) and found again through a keyed hash
 * (HMAC-SHA256) that a unique index can hold without the clear number ever being stored.
 * Both working keys are derived from PII_KEY with HKDF, so one secret serves both purposes and
 * neither key can be computed from the other.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { StartupError } from './startup-error.js';

const VERSION = 'v1';

export interface Pii {
  /** `v1.<base64 iv|tag|ciphertext>`; `context` (e.g. the tenant id) must match on decrypt. */
  encrypt(plain: string, context: string): string;
  decrypt(sealed: string, context: string): string;
  /** Keyed hash for equality look-ups and unique indexes (hex). Normalise the input first. */
  blindIndex(plain: string, context: string): string;
}

export function createPii(masterKey: Buffer): Pii {
  if (masterKey.length !== 32) throw new Error('The PII key must be 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive('leifeng/pii/encrypt/v1');
  const indexKey = derive('leifeng/pii/blind-index/v1');
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed, context) {
      const [version, payload] = sealed.split('.');
      if (version !== VERSION || !payload) throw new Error('Unknown PII cipher format');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain, context) {
      return createHmac('sha256', indexKey).update(`${context}\u0000${plain}`).digest('hex');
    },
  };
}

export interface PiiKeySource {
  PII_KEY?: string;
  NODE_ENV: Config['NODE_ENV'];
  dataDir: string;
  DATABASE_URL?: string;
  SEED_DEMO?: boolean;
}

/**
 * A real deployment cannot run without PII_KEY. "Real" is production on PostgreSQL, or production
 * without the demo district. The out-of-the-box `npm start` (production mode, embedded database,
 * demo district) is a trial, so it gets a generated key like development does, with the same warning.
 */
const needsConfiguredKey = (c: PiiKeySource) =>
  c.NODE_ENV === 'production' && (Boolean(c.DATABASE_URL) || c.SEED_DEMO === false);

/**
 * The master key: PII_KEY when set; in a real production deployment nothing else (refuses to start);
 * otherwise a key generated once into <DATA_DIR>/pii.key (mode 600) with a warning, so the data stays readable.
 */
export function loadPiiKey(config: PiiKeySource, warn: (message: string) => void = console.warn): Buffer {
  if (config.PII_KEY) return Buffer.from(config.PII_KEY, 'base64');
  if (needsConfiguredKey(config)) {
    throw new StartupError(
      'PII_KEY is not set. Personal data cannot be stored without it: set PII_KEY to base64 of 32 random bytes ' +
        "(node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\") and keep it safe.",
    );
  }
  const path = join(config.dataDir, 'pii.key');
  if (existsSync(path)) {
    chmodSync(path, 0o600);
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${path} does not hold base64 of 32 bytes`);
    return key;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  warn(`PII_KEY is not set: generated a key in ${path}. Back it up with the database; set PII_KEY in production.`);
  return key;
}

const cache = new WeakMap<object, Pii>();

/** The PII helper for a configuration (loaded once per config object). */
export function piiFor(config: PiiKeySource): Pii {
  let pii = cache.get(config);
  if (!pii) {
    pii = createPii(loadPiiKey(config));
    cache.set(config, pii);
  }
  return pii;
}
