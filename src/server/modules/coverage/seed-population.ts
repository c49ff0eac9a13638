import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { listSiteMapPoints } from '../sites/index.js';
import { coveragePopulation } from './schema.js';
import { syntheticPopulation } from './synthetic-population.js';

const CHUNK = 1000;

/**
 * Stores the demo's SYNTHETIC population layer: blocks of generated residents around each community's
 * station (deterministic), flagged synthetic so every figure built from it says so. Answers the rows stored.
 */
export async function seedSyntheticPopulation(db: Db, tenantId: string): Promise<number> {
  const { items } = await listSiteMapPoints({ db, tenantId } as Ctx, { kind: 'station' });
  const features = syntheticPopulation(items.map((s) => ({ code: s.regionCode, lat: s.lat, lng: s.lng })));
  const rows = features.map((f) => ({
    tenantId,
    communityCode: f.community,
    geometry: f.geometry,
    population: f.population,
    synthetic: true,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(coveragePopulation).values(rows.slice(i, i + CHUNK));
  return rows.length;
}
