import { readFileSync } from 'node:fs';
import type { DistrictPlaces } from './approximate-location.js';

const cache = new Map<string, DistrictPlaces | null>();

/** The hand-placed approximate centres of a district (data/<district>-places.json), or null when there are none. */
export function readDistrictPlaces(district: string): DistrictPlaces | null {
  if (!cache.has(district)) {
    try {
      const url = new URL(`./data/${district}-places.json`, import.meta.url);
      cache.set(district, JSON.parse(readFileSync(url, 'utf8')) as DistrictPlaces);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      cache.set(district, null);
    }
  }
  return cache.get(district) ?? null;
}
