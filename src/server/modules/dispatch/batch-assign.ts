import { prepareOrder } from './constraints.js';
import { DEFAULT_WALK_FACTOR, resolveWeights, scaleCost } from './cost.js';
import { solveTransport, type TransportProblem } from './min-cost-flow.js';
import { type Scored, searchCandidates } from './search.js';
import type { DispatchIndex } from './search-index.js';
import { describeCandidate } from './top-candidates.js';
import type { DispatchCandidate, DispatchOrder, DispatchSettings } from './types.js';

export interface BatchOptions extends DispatchSettings {
  /** Each order's cheapest feasible volunteers considered (default 50). */
  candidatesPerOrder?: number;
  /** Scaled cost of leaving an order unassigned; default: more than all assignments together. */
  unassignedPenalty?: number;
}

/** The batch as a transportation problem: the orders' candidate lists and the volunteers' remaining room. */
export interface BatchProblem {
  problem: TransportProblem;
  /** Index position of each volunteer column of the problem. */
  volunteerPositions: Int32Array;
  /** Each order's candidates, cheapest first, in the problem's arc order. */
  candidates: Scored[][];
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

export function buildBatchProblem(
  index: DispatchIndex,
  orders: readonly DispatchOrder[],
  options: BatchOptions = {},
): BatchProblem {
  const weights = resolveWeights(options.weights);
  const walkFactor = options.walkFactor ?? DEFAULT_WALK_FACTOR;
  const k = options.candidatesPerOrder ?? 50;
  const candidates = orders.map((order) =>
    searchCandidates(index, prepareOrder(order, options), k, weights, walkFactor),
  );

  const column = new Int32Array(index.volunteers.length).fill(-1);
  const positions: number[] = [];
  const arcStart = new Int32Array(orders.length + 1);
  let arcCount = 0;
  for (let i = 0; i < orders.length; i++) {
    arcCount += (candidates[i] as Scored[]).length;
    arcStart[i + 1] = arcCount;
  }
  const arcVolunteer = new Int32Array(arcCount);
  const arcCost = new Float64Array(arcCount);
  let a = 0;
  for (const list of candidates) {
    for (const c of list) {
      let col = column[c.position] as number;
      if (col < 0) {
        col = positions.length;
        column[c.position] = col;
        positions.push(c.position);
      }
      arcVolunteer[a] = col;
      arcCost[a] = scaleCost(c.cost);
      a++;
    }
  }
  const capacity = new Int32Array(positions.length);
  positions.forEach((position, col) => {
    const v = index.volunteers[position];
    capacity[col] = v ? Math.max(0, v.capacity - v.openTasks) : 0;
  });
  return {
    problem: { arcStart, arcVolunteer, arcCost, capacity, unassignedPenalty: options.unassignedPenalty },
    volunteerPositions: Int32Array.from(positions),
    candidates,
  };
}

/**
 * Assigns a queue of orders at once: as many as the volunteers' remaining room allows, then at the least total
 * cost, each order among its best candidates. Exact over those candidates (min-cost flow).
 */
export function batchAssign(
  index: DispatchIndex,
  orders: readonly DispatchOrder[],
  options: BatchOptions = {},
): BatchResult {
  const weights = resolveWeights(options.weights);
  const walkFactor = options.walkFactor ?? DEFAULT_WALK_FACTOR;
  const { problem, candidates } = buildBatchProblem(index, orders, options);
  const solution = solveTransport(problem);
  const result: BatchResult = { assignments: [], unassigned: [], totalScaledCost: 0, totalCost: 0 };
  orders.forEach((order, i) => {
    const arc = solution.arcOf[i] as number;
    if (arc < 0) {
      const reason = (candidates[i] as Scored[]).length === 0 ? 'no-candidates' : 'no-capacity';
      result.unassigned.push({ orderId: order.id, reason });
      return;
    }
    const scored = (candidates[i] as Scored[])[arc - (problem.arcStart[i] as number)] as Scored;
    const candidate = describeCandidate(index, order, scored, walkFactor, weights);
    result.assignments.push({ orderId: order.id, candidate });
    result.totalScaledCost += candidate.scaledCost;
    result.totalCost += candidate.cost;
  });
  return result;
}
