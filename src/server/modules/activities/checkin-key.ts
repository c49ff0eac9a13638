import type { Config } from '../../platform/config.js';
import { loadPiiKey } from '../../platform/pii.js';
import { deriveCheckinKey } from './checkin-code.js';

const cache = new WeakMap<object, Buffer>();

/** The key of the rotating check-in codes, derived from the deployment's PII key (once per config). */
export function checkinKeyFor(config: Config): Buffer {
  let key = cache.get(config);
  if (!key) {
    key = deriveCheckinKey(loadPiiKey(config));
    cache.set(config, key);
  }
  return key;
}
