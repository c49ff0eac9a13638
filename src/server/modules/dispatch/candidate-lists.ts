import type { PreparedOrder } from './constraints.js';
import { scaleCost } from './cost.js';
import type { TransportProblem } from './min-cost-flow.js';
import { searchTop, top } from './search.js';
import type { DispatchIndex } from './search-index.js';
import type { DispatchWeights } from './types.js';

/** The batch as a transportation problem: the orders' candidate lists and the volunteers' remaining room. */
export interface BatchProblem {
  problem: TransportProblem;
  /** Index position of each volunteer column of the problem. */
  volunteerPositions: Int32Array;
  /** Per arc (each order's candidates cheapest first): the volunteer's index position and great-circle km. */
  arcPosition: Int32Array;
  arcKm: Float64Array;
}

/**
 * Each order's cheapest feasible volunteers in one pool of typed arrays (no object per candidate). An order's
 * list can be searched again longer; the pool keeps the old entries unused.
 */
export class CandidateLists {
  /** Per order: its first entry in the pool, the entries found, and the k its search asked for. */
  readonly start: Int32Array;
  readonly count: Int32Array;
  readonly asked: Int32Array;
  position = new Int32Array(1024);
  km = new Float64Array(1024);
  /** Scaled cost. */
  cost = new Float64Array(1024);
  size = 0;

  constructor(
    private readonly index: DispatchIndex,
    private readonly orders: readonly PreparedOrder[],
    private readonly weights: DispatchWeights,
    private readonly walkFactor: number,
  ) {
    this.start = new Int32Array(orders.length);
    this.count = new Int32Array(orders.length);
    this.asked = new Int32Array(orders.length);
  }

  /** Searches order i's k cheapest feasible volunteers, replacing its list. */
  fill(i: number, k: number): void {
    const found = searchTop(this.index, this.orders[i] as PreparedOrder, k, this.weights, this.walkFactor);
    if (this.size + found > this.position.length) this.grow(this.size + found);
    const at = this.size;
    for (let j = 0; j < found; j++) {
      this.position[at + j] = top.position[j] as number;
      this.km[at + j] = top.km[j] as number;
      this.cost[at + j] = scaleCost(top.cost[j] as number);
    }
    this.start[i] = at;
    this.count[i] = found;
    this.asked[i] = k;
    this.size = at + found;
  }

  /** Whether order i's list is all of its k cheapest: asked for k, or fewer found than asked. */
  isComplete(i: number, k: number): boolean {
    return (this.asked[i] as number) >= k || (this.count[i] as number) < (this.asked[i] as number);
  }

  /** The scaled cost of order i's last (dearest) candidate; every volunteer left off its list costs at least that. */
  lastCost(i: number): number {
    return this.cost[(this.start[i] as number) + (this.count[i] as number) - 1] as number;
  }

  /** The lists as a transportation problem over the volunteers they name, in order of first appearance. */
  problem(unassignedPenalty?: number): BatchProblem {
    const n = this.orders.length;
    const arcStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) arcStart[i + 1] = (arcStart[i] as number) + (this.count[i] as number);
    const arcs = arcStart[n] as number;
    const arcVolunteer = new Int32Array(arcs);
    const arcCost = new Float64Array(arcs);
    const arcPosition = new Int32Array(arcs);
    const arcKm = new Float64Array(arcs);
    const volunteers = this.index.volunteers;
    const column = new Int32Array(volunteers.length).fill(-1);
    const positions = new Int32Array(Math.min(arcs, volunteers.length));
    const capacity = new Int32Array(positions.length);
    let columns = 0;
    let a = 0;
    for (let i = 0; i < n; i++) {
      const from = this.start[i] as number;
      const to = from + (this.count[i] as number);
      for (let e = from; e < to; e++, a++) {
        const position = this.position[e] as number;
        let col = column[position] as number;
        if (col < 0) {
          col = columns++;
          column[position] = col;
          positions[col] = position;
          const v = volunteers[position];
          capacity[col] = v ? Math.max(0, v.capacity - v.openTasks) : 0;
        }
        arcVolunteer[a] = col;
        arcCost[a] = this.cost[e] as number;
        arcPosition[a] = position;
        arcKm[a] = this.km[e] as number;
      }
    }
    return {
      problem: { arcStart, arcVolunteer, arcCost, capacity: capacity.slice(0, columns), unassignedPenalty },
      volunteerPositions: positions.slice(0, columns),
      arcPosition,
      arcKm,
    };
  }

  private grow(need: number): void {
    const cap = Math.max(need, 2 * this.position.length);
    const position = new Int32Array(cap);
    position.set(this.position.subarray(0, this.size));
    this.position = position;
    const km = new Float64Array(cap);
    km.set(this.km.subarray(0, this.size));
    this.km = km;
    const cost = new Float64Array(cap);
    cost.set(this.cost.subarray(0, this.size));
    this.cost = cost;
  }
}
