import { around } from 'geokdbush';
import KDBush from 'kdbush';
import {
  isFeasible,
  type PreparedOrder,
  type PreparedVolunteer,
  prepareOrder,
  prepareVolunteer,
} from './constraints.js';
import {
  breakdownOf,
  DEFAULT_WALK_FACTOR,
  greatCircleKm,
  reasonsFor,
  resolveWeights,
  scaleCost,
  weightedCost,
} from './cost.js';
import type {
  DispatchCandidate,
  DispatchOrder,
  DispatchSettings,
  DispatchVolunteer,
  DispatchWeights,
} from './types.js';

/** Volunteers prepared for search: a static kd-tree over their positions plus their weekly slots. */
export interface DispatchIndex {
  readonly volunteers: readonly DispatchVolunteer[];
  readonly prepared: readonly PreparedVolunteer[];
  readonly tree: KDBush | null;
  /** Bounding box of the positions, to know when a radius covers everyone. */
  readonly box: { minLat: number; minLng: number; maxLat: number; maxLng: number };
}

export interface CandidateOptions extends DispatchSettings {
  /** How many candidates (default 10). */
  k?: number;
  /** First search radius in km (default 1); it doubles until the top k are certain. */
  initialRadiusKm?: number;
}

export function buildDispatchIndex(volunteers: readonly DispatchVolunteer[]): DispatchIndex {
  const box = { minLat: 90, minLng: 180, maxLat: -90, maxLng: -180 };
  if (volunteers.length === 0) return { volunteers, prepared: [], tree: null, box };
  const tree = new KDBush(volunteers.length, 32);
  for (const v of volunteers) {
    tree.add(v.lng, v.lat);
    box.minLat = Math.min(box.minLat, v.lat);
    box.maxLat = Math.max(box.maxLat, v.lat);
    box.minLng = Math.min(box.minLng, v.lng);
    box.maxLng = Math.max(box.maxLng, v.lng);
  }
  tree.finish();
  return { volunteers, prepared: volunteers.map(prepareVolunteer), tree, box };
}

/** A feasible volunteer scored for one order. */
export interface Scored {
  position: number;
  greatCircleKm: number;
  cost: number;
}

const byCost = (a: Scored, b: Scored) => a.cost - b.cost || a.position - b.position;

/** Farthest the index reaches from a point: beyond this radius a search sees every volunteer. */
function reachKm(index: DispatchIndex, lat: number, lng: number): number {
  const { minLat, minLng, maxLat, maxLng } = index.box;
  return Math.max(
    greatCircleKm(lat, lng, minLat, minLng),
    greatCircleKm(lat, lng, minLat, maxLng),
    greatCircleKm(lat, lng, maxLat, minLng),
    greatCircleKm(lat, lng, maxLat, maxLng),
  );
}

/**
 * The k cheapest feasible volunteers, exactly (the same as scanning everyone, ties by position).
 * Searches a growing radius r: everyone farther than r costs more than weights.distance × walkFactor × r,
 * so the search stops once the k-th cheapest within r costs less than that.
 */
export function searchCandidates(
  index: DispatchIndex,
  order: PreparedOrder,
  k: number,
  weights: DispatchWeights,
  walkFactor: number,
  initialRadiusKm = 1,
): Scored[] {
  const tree = index.tree;
  if (!tree || k <= 0 || order.window.length === 0) return [];
  const { lat, lng } = order.order;
  const perKm = weights.distance * walkFactor;
  const reach = reachKm(index, lat, lng) * 1.01 + 0.01;
  const prepared = index.prepared;
  const feasible = (position: number) => isFeasible(prepared[position] as PreparedVolunteer, order);
  let radius = perKm > 0 ? Math.min(initialRadiusKm, reach) : Number.POSITIVE_INFINITY;
  for (;;) {
    const found = around(tree, lng, lat, Number.POSITIVE_INFINITY, radius, feasible);
    const scored: Scored[] = [];
    for (const position of found) {
      const volunteer = (prepared[position] as PreparedVolunteer).volunteer;
      const gc = greatCircleKm(lat, lng, volunteer.lat, volunteer.lng);
      const cost = weightedCost(breakdownOf(volunteer, order.order, gc, walkFactor), weights);
      scored.push({ position, greatCircleKm: gc, cost });
    }
    scored.sort(byCost);
    if (scored.length > k) scored.length = k;
    if (radius >= reach) return scored;
    const kth = scored[k - 1];
    if (kth && kth.cost < perKm * radius * (1 - 1e-9)) return scored;
    radius = radius * 2 >= reach ? Number.POSITIVE_INFINITY : radius * 2;
  }
}

export function describeCandidate(
  index: DispatchIndex,
  order: DispatchOrder,
  s: Scored,
  walkFactor: number,
  weights: DispatchWeights,
): DispatchCandidate {
  const volunteer = index.volunteers[s.position] as DispatchVolunteer;
  const breakdown = breakdownOf(volunteer, order, s.greatCircleKm, walkFactor);
  const cost = weightedCost(breakdown, weights);
  return {
    volunteerId: volunteer.id,
    userId: volunteer.userId,
    position: s.position,
    cost,
    scaledCost: scaleCost(cost),
    breakdown,
    reasons: reasonsFor(volunteer, order, breakdown),
  };
}

/** The top k candidates for one order, cheapest first, each with its cost breakdown and reasons. */
export function topCandidates(
  index: DispatchIndex,
  order: DispatchOrder,
  options: CandidateOptions = {},
): DispatchCandidate[] {
  const weights = resolveWeights(options.weights);
  const walkFactor = options.walkFactor ?? DEFAULT_WALK_FACTOR;
  const prepared = prepareOrder(order, options);
  const found = searchCandidates(index, prepared, options.k ?? 10, weights, walkFactor, options.initialRadiusKm);
  return found.map((s) => describeCandidate(index, order, s, walkFactor, weights));
}
