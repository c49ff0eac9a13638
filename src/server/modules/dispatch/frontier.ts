/** Numbers per slot in `Frontier.box`. */
export const FRONTIER_BOX = 6;
const BOX = FRONTIER_BOX;

/**
 * The subtrees still to visit, a binary heap on their cost lower bound. Struct of arrays, kept between searches
 * (a search runs to its end synchronously), so a search allocates nothing per node. The search writes a slot's box
 * and key into the arrays itself: numbers passed to a call that is not inlined are boxed, one allocation each.
 */
export class Frontier {
  /** Per slot: left, right, axis, node id. */
  ints = new Int32Array(4 * 256);
  /** Per slot: minLng, minLat, maxLng, maxLat, and the cosines of minLat and maxLat. */
  box = new Float64Array(BOX * 256);
  key = new Float64Array(256);
  heap = new Int32Array(256);
  size = 0;
  slots = 0;

  reset(): void {
    this.size = 0;
    this.slots = 0;
  }

  private grow(): void {
    const cap = this.key.length * 2;
    const ints = new Int32Array(4 * cap);
    ints.set(this.ints);
    const box = new Float64Array(BOX * cap);
    box.set(this.box);
    const key = new Float64Array(cap);
    key.set(this.key);
    const heap = new Int32Array(cap);
    heap.set(this.heap);
    Object.assign(this, { ints, box, key, heap });
  }

  /** A new slot for a subtree; the caller fills in its box and key, then pushes it. */
  open(left: number, right: number, axis: number, id: number): number {
    if (this.slots === this.key.length) this.grow();
    const s = this.slots++;
    const ints = this.ints;
    ints[4 * s] = left;
    ints[4 * s + 1] = right;
    ints[4 * s + 2] = axis;
    ints[4 * s + 3] = id;
    return s;
  }

  push(s: number): void {
    const heap = this.heap;
    const keys = this.key;
    const key = keys[s] as number;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      const u = heap[up] as number;
      if ((keys[u] as number) <= key) break;
      heap[i] = u;
      i = up;
    }
    heap[i] = s;
  }

  /** The slot with the least key, or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const heap = this.heap;
    const keys = this.key;
    const top = heap[0] as number;
    const last = heap[--this.size] as number;
    const size = this.size;
    if (size === 0) return top;
    const lastKey = keys[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && (keys[heap[child + 1] as number] as number) < (keys[heap[child] as number] as number))
        child++;
      if ((keys[heap[child] as number] as number) >= lastKey) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
