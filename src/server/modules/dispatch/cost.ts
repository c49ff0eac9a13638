import type { CostBreakdown, DispatchOrder, DispatchVolunteer, DispatchWeights, ReasonPart } from './types.js';
import { DEFAULT_WEIGHTS } from './types.js';

/** Integer costs for the flow solver: cost units (walking-km equivalents) × 1000, i.e. about a metre each. */
export const COST_SCALE = 1000;
export const DEFAULT_WALK_FACTOR = 1.3;
const LOAD_SATURATION = 10;
const UNRATED = 3;

export function resolveWeights(partial: Partial<DispatchWeights> = {}): DispatchWeights {
  const weights = { ...DEFAULT_WEIGHTS, ...partial };
  for (const [name, value] of Object.entries(weights)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`dispatch weight ${name} must be ≥ 0, got ${value}`);
  }
  return weights;
}

export const EARTH_RADIUS_KM = 6371;
export const RAD = Math.PI / 180;

export function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

/** The haversine of the distance from a point at lat1 (cosLat1 = its cosine) to lat2, given haverSin(Δlng). */
export function haversinePartial(hsDLng: number, cosLat1: number, lat1: number, lat2: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * hsDLng + haverSin((lat1 - lat2) * RAD);
}

export function haversineToKm(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Great-circle distance in km from a to b (the formula the search's bounds are written in). */
export function greatCircleKm(aLat: number, aLng: number, bLat: number, bLng: number): number {
  return haversineToKm(haversinePartial(haverSin((aLng - bLng) * RAD), Math.cos(aLat * RAD), aLat, bLat));
}

export function breakdownOf(
  volunteer: DispatchVolunteer,
  order: DispatchOrder,
  greatCircle: number,
  walkFactor: number,
): CostBreakdown {
  let skillMisfit = 0;
  const preferred = order.preferredSkills;
  if (preferred && preferred.length > 0) {
    let missing = 0;
    for (const skill of preferred) if (!volunteer.skills.includes(skill)) missing++;
    skillMisfit = missing / preferred.length;
  }
  return {
    walkKm: greatCircle * walkFactor,
    skillMisfit,
    ratingShortfall: ratingShortfallOf(volunteer),
    load: loadOf(volunteer),
  };
}

export function ratingShortfallOf(volunteer: DispatchVolunteer): number {
  return Math.min(1, Math.max(0, (5 - (volunteer.rating ?? UNRATED)) / 5));
}

export function loadOf(volunteer: DispatchVolunteer): number {
  return Math.min(1, Math.max(0, volunteer.recentServices) / LOAD_SATURATION);
}

export function weightedCost(b: CostBreakdown, w: DispatchWeights): number {
  return w.distance * b.walkKm + w.skill * b.skillMisfit + w.rating * b.ratingShortfall + w.fairness * b.load;
}

export function scaleCost(cost: number): number {
  return Math.round(cost * COST_SCALE);
}

/** Why this volunteer: distance, the skills that matched, recent load, rating, open tasks. */
export function reasonsFor(volunteer: DispatchVolunteer, order: DispatchOrder, b: CostBreakdown): ReasonPart[] {
  const parts: ReasonPart[] = [{ kind: 'distance', params: { km: b.walkKm } }];
  const seen = new Set<string>();
  for (const code of [...order.requiredSkills, ...(order.preferredSkills ?? [])]) {
    if (seen.has(code) || !volunteer.skills.includes(code)) continue;
    seen.add(code);
    parts.push({ kind: 'skill', params: { code } });
  }
  parts.push({ kind: 'recentServices', params: { count: volunteer.recentServices } });
  if (volunteer.rating !== null) parts.push({ kind: 'rating', params: { rating: volunteer.rating } });
  if (volunteer.openTasks > 0) {
    parts.push({ kind: 'openTasks', params: { open: volunteer.openTasks, capacity: volunteer.capacity } });
  }
  return parts;
}
