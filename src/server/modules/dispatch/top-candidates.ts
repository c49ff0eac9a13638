import { prepareOrder } from './constraints.js';
import { breakdownOf, DEFAULT_WALK_FACTOR, reasonsFor, resolveWeights, scaleCost, weightedCost } from './cost.js';
import { searchCandidates } from './search.js';
import type { DispatchIndex } from './search-index.js';
import type {
  DispatchCandidate,
  DispatchOrder,
  DispatchSettings,
  DispatchVolunteer,
  DispatchWeights,
} from './types.js';

export interface CandidateOptions extends DispatchSettings {
  /** How many candidates (default 10). */
  k?: number;
}

export function describeCandidate(
  index: DispatchIndex,
  order: DispatchOrder,
  position: number,
  greatCircleKm: number,
  walkFactor: number,
  weights: DispatchWeights,
): DispatchCandidate {
  const volunteer = index.volunteers[position] as DispatchVolunteer;
  const breakdown = breakdownOf(volunteer, order, greatCircleKm, walkFactor);
  const cost = weightedCost(breakdown, weights);
  return {
    volunteerId: volunteer.id,
    userId: volunteer.userId,
    position,
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
  const found = searchCandidates(index, prepared, options.k ?? 10, weights, walkFactor);
  return found.map((s) => describeCandidate(index, order, s.position, s.greatCircleKm, walkFactor, weights));
}
