import { createHash } from 'node:crypto';
import { buildDispatchIndex, type DispatchIndex, type DispatchVolunteer } from '../dispatch/index.js';

/** Indexes kept per tenant and scope, most recently used last. */
const MAX_ENTRIES = 4;
const cache = new Map<string, { digest: string; index: DispatchIndex }>();

/**
 * The dispatch index over the volunteers a request loaded, reused by the next request while what it loads is the
 * same. The key is the tenant and scope; the check is a digest of the loaded facts themselves (every field the engine
 * reads, serialised in order), so a change to any volunteer's profile, position, skills, availability, service areas,
 * blocks, open tasks, rating or recent load, or a volunteer joining or leaving, builds a new index. Serialising and
 * hashing cost ≈ a quarter of a build (20,000 volunteers); the database read is paid either way.
 */
export function dispatchIndexFor(key: string, volunteers: readonly DispatchVolunteer[]): DispatchIndex {
  const digest = createHash('sha256').update(JSON.stringify(volunteers)).digest('base64');
  const hit = cache.get(key);
  cache.delete(key);
  const index = hit?.digest === digest ? hit.index : buildDispatchIndex(volunteers);
  cache.set(key, { digest, index });
  for (const old of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(old);
  }
  return index;
}
