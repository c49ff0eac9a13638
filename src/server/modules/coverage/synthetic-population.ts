import type { PopulationFeature } from './population.js';

/** A community's point (its station, or a hand-placed centre). */
export interface CommunityPoint {
  code: string;
  lat: number;
  lng: number;
}

/** mulberry32: the same sequence for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const M_PER_DEG = 111_320;

/**
 * SYNTHETIC population: for each community, `blocks` residential blocks (points) scattered around its
 * point with a normal spread of `spreadM` metres, 3,000–12,000 residents per community. Deterministic.
 * Not census data: everything built from it must be labelled synthetic.
 */
export function syntheticPopulation(
  communities: CommunityPoint[],
  { seed = 15, blocks = 12, spreadM = 600 }: { seed?: number; blocks?: number; spreadM?: number } = {},
): PopulationFeature[] {
  const next = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const out: PopulationFeature[] = [];
  for (const c of communities) {
    const residents = 3000 + Math.floor(next() * 9001);
    const perBlock = Math.floor(residents / blocks);
    const cos = Math.cos((c.lat * Math.PI) / 180);
    for (let b = 0; b < blocks; b++) {
      const east = normal() * spreadM;
      const north = normal() * spreadM;
      out.push({
        geometry: { type: 'Point', coordinates: [c.lng + east / (M_PER_DEG * cos), c.lat + north / M_PER_DEG] },
        population: b === 0 ? residents - perBlock * (blocks - 1) : perBlock,
        community: c.code,
      });
    }
  }
  return out;
}
