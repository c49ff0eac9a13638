/**
 * The transportation problem of batch dispatch: each order takes at most one of its candidate arcs, each volunteer
 * takes at most its capacity; first as many orders as possible, then the least total cost.
 * Arcs of order i are arcStart[i] … arcStart[i + 1] − 1 (CSR layout).
 */
export interface TransportProblem {
  arcStart: Int32Array;
  /** Volunteer of each arc, 0 … capacity.length − 1. */
  arcVolunteer: Int32Array;
  /** Non-negative integer cost of each arc. */
  arcCost: Float64Array | Int32Array;
  capacity: Int32Array;
  /**
   * Cost of leaving an order unassigned. Default: more than all arc costs together, which makes the number
   * assigned the first goal.
   */
  unassignedPenalty?: number;
}

export interface TransportSolution {
  /** Per order: the arc it takes, or −1 when unassigned. */
  arcOf: Int32Array;
  assigned: number;
  /** Sum of the costs of the arcs taken (no penalties). */
  cost: number;
}

/**
 * The solver's node potentials: orders 0 … n − 1, then volunteers (each ≤ 0, and 0 while it has room). Every
 * residual arc has a non-negative reduced cost c + potential[from] − potential[to]; an order's potential thus
 * proves the solution optimal against arcs left out of the problem too (batch-assign's candidate lists).
 */
export interface FlowSolution extends TransportSolution {
  potential: Float64Array;
}

/** The default unassigned penalty: more than all arc costs together. */
export function defaultPenalty(p: TransportProblem): number {
  let maxCost = 0;
  for (const c of p.arcCost) if (c > maxCost) maxCost = c;
  return (p.arcStart.length - 1) * maxCost + 1;
}

/** A binary min-heap of (key, node) on typed arrays; stale entries are skipped by the caller. */
class Heap {
  keys = new Float64Array(1024);
  nodes = new Int32Array(1024);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((keys[up] as number) <= key) break;
      keys[i] = keys[up] as number;
      nodes[i] = nodes[up] as number;
      i = up;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the minimum; read it from topKey/topNode before calling. */
  pop(): void {
    const { keys, nodes } = this;
    const last = --this.size;
    const key = keys[last] as number;
    const node = nodes[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (keys[child + 1] as number) < (keys[child] as number)) child++;
      if ((keys[child] as number) >= key) break;
      keys[i] = keys[child] as number;
      nodes[i] = nodes[child] as number;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}

/**
 * Exact min-cost flow by successive shortest paths, one order at a time (as in the Hungarian method): Dijkstra on
 * reduced costs from the new order, stopped at the first volunteer with room or at the "unassigned" sink, then
 * the potentials of the settled nodes are lowered so every residual arc keeps a non-negative reduced cost.
 * Nodes: orders 0 … n − 1, volunteers n … n + m − 1; the sink has potential 0, and so has every volunteer with room.
 */
export function solveTransport(p: TransportProblem): FlowSolution {
  const n = p.arcStart.length - 1;
  const m = p.capacity.length;
  const { arcStart, arcVolunteer, arcCost } = p;
  const arcCount = arcVolunteer.length;
  if (n < 0 || arcStart[n] !== arcCount || arcCost.length !== arcCount) throw new RangeError('malformed arcs');

  const arcOrder = new Int32Array(arcCount);
  const degree = new Int32Array(m);
  let maxCost = 0;
  for (let i = 0; i < n; i++) {
    for (let a = arcStart[i] as number; a < (arcStart[i + 1] as number); a++) {
      const v = arcVolunteer[a] as number;
      const c = arcCost[a] as number;
      if (!(v >= 0 && v < m)) throw new RangeError(`arc ${a}: no volunteer ${v}`);
      if (!(Number.isInteger(c) && c >= 0)) throw new RangeError(`arc ${a}: cost ${c} is not a non-negative integer`);
      arcOrder[a] = i;
      degree[v] = (degree[v] as number) + 1;
      if (c > maxCost) maxCost = c;
    }
  }
  const penalty = p.unassignedPenalty ?? n * maxCost + 1;
  if (!(Number.isInteger(penalty) && penalty >= 0)) throw new RangeError(`unassigned penalty ${penalty}`);

  // Orders held by each volunteer, in a slice of `held` sized min(capacity, degree).
  const room = new Int32Array(m);
  const heldStart = new Int32Array(m + 1);
  for (let v = 0; v < m; v++) {
    room[v] = Math.max(0, Math.min(p.capacity[v] as number, degree[v] as number));
    heldStart[v + 1] = (heldStart[v] as number) + (room[v] as number);
  }
  const held = new Int32Array(heldStart[m] as number);
  const heldCount = new Int32Array(m);
  const hold = (v: number, order: number) => {
    const count = heldCount[v] as number;
    held[(heldStart[v] as number) + count] = order;
    heldCount[v] = count + 1;
  };
  const release = (v: number, order: number) => {
    const start = heldStart[v] as number;
    const count = (heldCount[v] as number) - 1;
    heldCount[v] = count;
    const last = start + count;
    for (let j = start; j <= last; j++) {
      if (held[j] === order) {
        held[j] = held[last] as number;
        return;
      }
    }
  };

  const size = n + m;
  const pot = new Float64Array(size);
  const dist = new Float64Array(size);
  const reached = new Int32Array(size); // stamp of the search that set dist
  const settledIn = new Int32Array(size); // stamp of the search that settled the node
  const via = new Int32Array(size); // a volunteer node's arc from its order
  const settled = new Int32Array(size);
  const arcOf = new Int32Array(n).fill(-1);
  const heap = new Heap();

  for (let s = 0; s < n; s++) {
    const stamp = s + 1;
    heap.size = 0;
    dist[s] = 0;
    reached[s] = stamp;
    heap.push(0, s);
    let best = Number.POSITIVE_INFINITY;
    let end = -1;
    let settledCount = 0;

    while (heap.size > 0) {
      const d = heap.keys[0] as number;
      const x = heap.nodes[0] as number;
      heap.pop();
      if (settledIn[x] === stamp || d > (dist[x] as number)) continue;
      if (d >= best) break;
      settledIn[x] = stamp;
      settled[settledCount++] = x;
      const px = pot[x] as number;
      if (x < n) {
        const own = arcOf[x];
        for (let a = arcStart[x] as number; a < (arcStart[x + 1] as number); a++) {
          if (a === own) continue;
          const y = n + (arcVolunteer[a] as number);
          if (settledIn[y] === stamp) continue;
          const nd = d + (arcCost[a] as number) + px - (pot[y] as number);
          if (nd < best && (reached[y] !== stamp || nd < (dist[y] as number))) {
            dist[y] = nd;
            reached[y] = stamp;
            via[y] = a;
            heap.push(nd, y);
          }
        }
        const toSink = d + penalty + px;
        if (toSink < best) {
          best = toSink;
          end = x;
        }
      } else {
        const v = x - n;
        if ((heldCount[v] as number) < (room[v] as number)) {
          // A volunteer with room has potential 0: the path ends here.
          if (d + px < best) {
            best = d + px;
            end = x;
          }
          continue;
        }
        for (let j = heldStart[v] as number; j < (heldStart[v] as number) + (heldCount[v] as number); j++) {
          const o = held[j] as number;
          if (settledIn[o] === stamp) continue;
          const nd = d - (arcCost[arcOf[o] as number] as number) + px - (pot[o] as number);
          if (nd < best && (reached[o] !== stamp || nd < (dist[o] as number))) {
            dist[o] = nd;
            reached[o] = stamp;
            heap.push(nd, o);
          }
        }
      }
    }

    for (let j = 0; j < settledCount; j++) {
      const x = settled[j] as number;
      pot[x] = (pot[x] as number) - (best - (dist[x] as number));
    }

    // Walk the path back: each order on it moves to the volunteer after it; the last one may leave to the sink.
    let v: number;
    if (end < n) {
      if (end === s) continue;
      v = arcVolunteer[arcOf[end] as number] as number;
      release(v, end);
      arcOf[end] = -1;
    } else {
      v = end - n;
    }
    for (;;) {
      const a = via[n + v] as number;
      const order = arcOrder[a] as number;
      const old = arcOf[order] as number;
      arcOf[order] = a;
      hold(v, order);
      if (order === s) break;
      v = arcVolunteer[old] as number;
      release(v, order);
    }
  }

  let assigned = 0;
  let cost = 0;
  for (let i = 0; i < n; i++) {
    const a = arcOf[i] as number;
    if (a >= 0) {
      assigned++;
      cost += arcCost[a] as number;
    }
  }
  return { arcOf, assigned, cost, potential: pot };
}
