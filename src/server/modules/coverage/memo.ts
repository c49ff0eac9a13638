import { createHash } from 'node:crypto';

/**
 * A small least-recently-used memo for the report's costly pure steps (population → cells, the
 * covered area's outline), keyed by a digest of their whole input: a changed import, setting or
 * site gives a new key, so nothing needs invalidating, and the report is recomputed only when its
 * data changed.
 */
export function memo<T>(size: number) {
  const entries = new Map<string, T>();
  return (parts: readonly string[], compute: () => T): T => {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\u0000');
    const key = hash.digest('base64');
    const hit = entries.get(key);
    if (hit !== undefined) {
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const value = compute();
    entries.set(key, value);
    if (entries.size > size) entries.delete(entries.keys().next().value as string);
    return value;
  };
}
