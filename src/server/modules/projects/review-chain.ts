/**
 * The levels a project is reviewed at: from its organisation's home region up the region tree
 * (community → subdistrict → district), ending at the level of its call. Region codes are
 * prefix-structured: a district has 6 digits, a subdistrict 9, a community 12. Pure.
 */
import type { ProjectLevel } from './schema.js';

const LENGTHS = [12, 9, 6] as const;
const TOP: Record<ProjectLevel, number> = { district: 6, subdistrict: 9 };

/** The reviewing regions in order, lowest first; never empty. */
export function reviewChain(regionCode: string, level: ProjectLevel): string[] {
  const chain = LENGTHS.filter((n) => n <= regionCode.length && n >= TOP[level]).map((n) => regionCode.slice(0, n));
  return chain.length ? chain : [regionCode];
}

/** The region after `current` in the chain, or null when `current` is the last step. */
export function nextReviewer(chain: string[], current: string): string | null {
  const i = chain.indexOf(current);
  return i >= 0 && i < chain.length - 1 ? (chain[i + 1] as string) : null;
}

export type StepLevel = 'community' | 'subdistrict' | 'district';
export const stepLevel = (regionCode: string): StepLevel =>
  regionCode.length >= 12 ? 'community' : regionCode.length >= 9 ? 'subdistrict' : 'district';
