import { type BatchProblem, CandidateLists } from './candidate-lists.js';
import { type PreparedOrder, prepareOrder } from './constraints.js';
import { DEFAULT_WALK_FACTOR, EARTH_RADIUS_KM, resolveWeights, scaleCost } from './cost.js';
import { type FlowSolution, solveTransport } from './min-cost-flow.js';
import type { DispatchIndex } from './search-index.js';
import { describeCandidate } from './top-candidates.js';
import type { DispatchCandidate, DispatchOrder, DispatchSettings, DispatchWeights } from './types.js';

export type { BatchProblem } from './candidate-lists.js';

export interface BatchOptions extends DispatchSettings {
  /** Each order's cheapest feasible volunteers considered (default 50). */
  candidatesPerOrder?: number;
  /** Scaled cost of leaving an order unassigned; default: more than all assignments together. */
  unassignedPenalty?: number;
  /** batchAssign's first list length per order (default FIRST_CANDIDATES); the result does not depend on it. */
  firstCandidates?: number;
}

export interface BatchAssignment {
  orderId: string;
  candidate: DispatchCandidate;
}

/** A preview the dispatcher confirms: nothing is written. */
export interface BatchResult {
  assignments: BatchAssignment[];
  unassigned: { orderId: string; reason: 'no-candidates' | 'no-capacity' }[];
  /** Sum of the assignments' scaled costs (what the solver minimised, after the number assigned). */
  totalScaledCost: number;
  totalCost: number;
}

/** The first search's list length in batchAssign; an order whose optimum may lie further is searched again. */
export const FIRST_CANDIDATES = 8;

interface Prepared {
  weights: DispatchWeights;
  walkFactor: number;
  k: number;
  lists: CandidateLists;
}

function prepare(index: DispatchIndex, orders: readonly DispatchOrder[], options: BatchOptions): Prepared {
  const weights = resolveWeights(options.weights);
  const walkFactor = options.walkFactor ?? DEFAULT_WALK_FACTOR;
  const prepared: PreparedOrder[] = orders.map((order) => prepareOrder(order, options));
  const lists = new CandidateLists(index, prepared, weights, walkFactor);
  return { weights, walkFactor, k: options.candidatesPerOrder ?? 50, lists };
}

/** Each order's k cheapest feasible volunteers (candidatesPerOrder) as a transportation problem. */
export function buildBatchProblem(
  index: DispatchIndex,
  orders: readonly DispatchOrder[],
  options: BatchOptions = {},
): BatchProblem {
  const { k, lists } = prepare(index, orders, options);
  for (let i = 0; i < orders.length; i++) lists.fill(i, k);
  return lists.problem(options.unassignedPenalty);
}

/**
 * A penalty above the lexicographic threshold of every batch problem of these orders (more than n times any
 * arc's scaled cost: a great circle is at most half the earth's circumference, each other term at most its
 * weight), so that it need not wait for the dearest candidate; null when it would lose integer precision.
 */
function boundingPenalty(n: number, weights: DispatchWeights, walkFactor: number): number | null {
  const longest = Math.PI * EARTH_RADIUS_KM * walkFactor;
  const dearest = scaleCost(weights.distance * longest + weights.skill + weights.rating + weights.fairness);
  const penalty = n * (dearest + 1) + 1;
  return penalty <= 2 ** 48 ? penalty : null;
}

/**
 * Assigns a queue of orders at once: as many as the volunteers' remaining room allows, then at the least total
 * cost, each order among its best candidatesPerOrder. Exact over those candidates (min-cost flow), and computed
 * lazily: each order first gets its FIRST_CANDIDATES cheapest, and the flow's potentials say which orders could
 * gain from a longer list. Every volunteer left off order i's list costs at least its last candidate's c_i, and
 * a volunteer's potential is ≤ 0, so the reduced cost of each left-off arc is ≥ c_i + potential_i; where that is
 * ≥ 0 for every order with a shortened list, no left-off arc can improve the solution, which is then optimal
 * for the full lists. Otherwise those orders get their full lists and the flow runs again.
 */
export function batchAssign(
  index: DispatchIndex,
  orders: readonly DispatchOrder[],
  options: BatchOptions = {},
): BatchResult {
  const { weights, walkFactor, k, lists } = prepare(index, orders, options);
  const penalty = options.unassignedPenalty ?? boundingPenalty(orders.length, weights, walkFactor);
  const first = penalty === null ? k : Math.min(k, Math.max(1, options.firstCandidates ?? FIRST_CANDIDATES));
  for (let i = 0; i < orders.length; i++) lists.fill(i, first);
  let batch: BatchProblem;
  let solution: FlowSolution;
  for (;;) {
    batch = lists.problem(penalty ?? undefined);
    solution = solveTransport(batch.problem);
    let lengthened = 0;
    for (let i = 0; i < orders.length; i++) {
      if (lists.isComplete(i, k) || lists.lastCost(i) + (solution.potential[i] as number) >= 0) continue;
      lists.fill(i, k);
      lengthened++;
    }
    if (lengthened === 0) break;
  }

  const result: BatchResult = { assignments: [], unassigned: [], totalScaledCost: 0, totalCost: 0 };
  orders.forEach((order, i) => {
    const arc = solution.arcOf[i] as number;
    if (arc < 0) {
      const reason = lists.count[i] === 0 ? 'no-candidates' : 'no-capacity';
      result.unassigned.push({ orderId: order.id, reason });
      return;
    }
    const position = batch.arcPosition[arc] as number;
    const candidate = describeCandidate(index, order, position, batch.arcKm[arc] as number, walkFactor, weights);
    result.assignments.push({ orderId: order.id, candidate });
    result.totalScaledCost += candidate.scaledCost;
    result.totalCost += candidate.cost;
  });
  return result;
}
