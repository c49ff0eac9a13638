/**
 * Ed25519 signatures over a certificate's canonical content (node:crypto). The private key comes
 * from CERT_SIGNING_KEY (base64 PKCS#8 DER) when set, otherwise it is generated once into
 * <DATA_DIR>/certificate-signing.key (mode 600), like the PII key: back it up with the database,
 * since a lost key makes every issued certificate unverifiable.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../platform/config.js';

const DOMAIN = 'leifeng/certificate/v1\n';

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface Keys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const cache = new WeakMap<object, Keys>();

function loadKeys(config: Pick<Config, 'dataDir'>): Keys {
  const configured = process.env.CERT_SIGNING_KEY;
  let der: Buffer;
  if (configured) der = Buffer.from(configured, 'base64');
  else {
    const path = join(config.dataDir, 'certificate-signing.key');
    if (existsSync(path)) der = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    else {
      mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      der = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
      writeFileSync(path, `${der.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(path, 0o600);
    }
  }
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The certificate signing key is not Ed25519');
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

function keysFor(config: Pick<Config, 'dataDir'>): Keys {
  let keys = cache.get(config);
  if (!keys) {
    keys = loadKeys(config);
    cache.set(config, keys);
  }
  return keys;
}

export function signContent(config: Pick<Config, 'dataDir'>, content: unknown): string {
  return sign(null, Buffer.from(DOMAIN + canonicalJson(content)), keysFor(config).privateKey).toString('base64');
}

export function verifyContent(config: Pick<Config, 'dataDir'>, content: unknown, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(DOMAIN + canonicalJson(content)),
      keysFor(config).publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
