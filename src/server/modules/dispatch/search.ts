import { isFeasible, type PreparedOrder, type PreparedVolunteer } from './constraints.js';
import { breakdownOf, haverSin, haversineToKm, haversinePartial as partial, RAD } from './cost.js';
import { AREA_WORDS, areaBit, type DispatchIndex, HOUR_WORDS, hoursOf, NODE_SIZE } from './search-index.js';
import type { DispatchWeights } from './types.js';

/** A feasible volunteer scored for one order. */
export interface Scored {
  position: number;
  greatCircleKm: number;
  cost: number;
}

/** Bounds are summed in floating point: shrink them a little so that they stay below every cost they bound. */
const SLACK = 1 - 1e-9;

/** Lower bound of the haversine from a point to a box (the bound geokdbush uses, ISC licence). */
function boxDist(
  lng: number,
  lat: number,
  cosLat: number,
  minLng: number,
  minLat: number,
  maxLng: number,
  maxLat: number,
): number {
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) return haverSin((lat - minLat) * RAD);
    if (lat > maxLat) return haverSin((lat - maxLat) * RAD);
    return 0;
  }
  const hsDLng = Math.min(haverSin((lng - minLng) * RAD), haverSin((lng - maxLng) * RAD));
  const cosDLng = 1 - 2 * hsDLng;
  const extremumLat = cosDLng <= 0 ? (lat > 0 ? 90 : -90) : Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
  if (extremumLat > minLat && extremumLat < maxLat) return partial(hsDLng, cosLat, lat, extremumLat);
  return Math.min(partial(hsDLng, cosLat, lat, minLat), partial(hsDLng, cosLat, lat, maxLat));
}

/**
 * The subtrees still to visit, a binary heap on their cost lower bound. Struct of arrays, kept between searches
 * (a search runs to its end synchronously), so a search allocates nothing per node.
 */
class Frontier {
  /** Per slot: left, right, axis, node id. */
  ints = new Int32Array(4 * 256);
  /** Per slot: minLng, minLat, maxLng, maxLat. */
  box = new Float64Array(4 * 256);
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
    const box = new Float64Array(4 * cap);
    box.set(this.box);
    const key = new Float64Array(cap);
    key.set(this.key);
    const heap = new Int32Array(cap);
    heap.set(this.heap);
    Object.assign(this, { ints, box, key, heap });
  }

  add(
    left: number,
    right: number,
    axis: number,
    id: number,
    minLng: number,
    minLat: number,
    maxLng: number,
    maxLat: number,
    key: number,
  ): void {
    if (this.slots === this.key.length) this.grow();
    const s = this.slots++;
    const ints = this.ints;
    const box = this.box;
    const keys = this.key;
    const heap = this.heap;
    ints[4 * s] = left;
    ints[4 * s + 1] = right;
    ints[4 * s + 2] = axis;
    ints[4 * s + 3] = id;
    box[4 * s] = minLng;
    box[4 * s + 1] = minLat;
    box[4 * s + 2] = maxLng;
    box[4 * s + 3] = maxLat;
    keys[s] = key;
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

const frontier = new Frontier();

/**
 * The k cheapest feasible volunteers, exactly (the same as scanning everyone, ties by position): a best-first walk
 * of the kd-tree by a lower bound of the cost inside each subtree (walking distance to its box, plus the preferred
 * skills nobody in it has, plus its least rating shortfall and load), skipping subtrees whose summary rules them
 * out, and stopping once the best unexplored bound costs more than the k-th cheapest found. A point is costed from
 * the index's arrays first; only one cheap enough to enter the top k is checked against every hard constraint.
 */
export function searchCandidates(
  index: DispatchIndex,
  order: PreparedOrder,
  k: number,
  weights: DispatchWeights,
  walkFactor: number,
): Scored[] {
  const tree = index.tree;
  if (!tree || k <= 0 || order.window.length === 0) return [];
  let needSkills = 0;
  for (const s of order.order.requiredSkills) {
    const bit = index.skillBit.get(s);
    if (bit === undefined) return [];
    needSkills |= 1 << bit;
  }
  // Kept signed: `bits & needSkills` is a signed 32-bit value, and bit 31 would make an unsigned one never equal it.
  const needHours = new Uint32Array(HOUR_WORDS);
  hoursOf(order.window, needHours, 0);
  // With the default prefix match, a volunteer's area must equal one of the prefixes of the order's region.
  const needAreas = new Uint32Array(AREA_WORDS);
  if (order.prefixMatch) {
    const code = order.order.regionCode;
    for (let len = 1; len <= code.length; len++) areaBit(code.slice(0, len), needAreas, 0);
  } else {
    needAreas.fill(0xffffffff);
  }
  // Each preferred skill's bit (0: nobody has it). A bit shared by several codes only proves absence.
  const preferred = order.order.preferredSkills ?? [];
  const prefCount = preferred.length;
  const prefBits = new Int32Array(prefCount);
  let prefExact = true;
  for (let j = 0; j < prefCount; j++) {
    const bit = index.skillBit.get(preferred[j] as string);
    if (bit === undefined) continue;
    prefBits[j] = 1 << bit;
    if (bit === 31 && index.skillBit.size > 32) prefExact = false;
  }
  const missingShare = (bits: number) => {
    if (prefCount === 0) return 0;
    let missing = 0;
    for (let j = 0; j < prefCount; j++) if ((bits & (prefBits[j] as number)) === 0) missing++;
    return missing / prefCount;
  };

  const { pointSkills, pointHours, pointRoom, pointAreas, nodeSkills, nodeHours, nodeRoom, nodeAreas, prepared } =
    index;
  const { pointCosLat, pointShortfall, pointLoad, nodeMinShortfall, nodeMinLoad } = index;
  const ids = tree.ids;
  const coords = tree.coords;
  const areasMeet = (areas: Uint32Array, offset: number) =>
    ((areas[offset] as number) & (needAreas[0] as number)) !== 0 ||
    ((areas[offset + 1] as number) & (needAreas[1] as number)) !== 0;
  const hoursMeet = (hours: Uint32Array, offset: number) => {
    for (let w = 0; w < HOUR_WORDS; w++)
      if (((hours[offset + w] as number) & (needHours[w] as number)) !== 0) return true;
    return false;
  };

  const { lat, lng } = order.order;
  const cosLat = Math.cos(lat * RAD);
  const { distance: wDistance, skill: wSkill, rating: wRating, fairness: wFairness } = weights;
  const perKm = wDistance * walkFactor;
  const top: Scored[] = [];
  /** The k-th cheapest cost so far, +∞ while fewer than k are found. */
  let bar = Number.POSITIVE_INFINITY;
  const consider = (i: number) => {
    if (pointRoom[i] === 0 || ((pointSkills[i] as number) & needSkills) !== needSkills) return;
    if (!areasMeet(pointAreas, i * AREA_WORDS) || !hoursMeet(pointHours, i * HOUR_WORDS)) return;
    const position = ids[i] as number;
    // The same arithmetic as greatCircleKm, breakdownOf and weightedCost, so that costs equal a scan's exactly.
    const gc = haversineToKm(
      cosLat * (pointCosLat[i] as number) * haverSin((lng - (coords[2 * i] as number)) * RAD) +
        haverSin((lat - (coords[2 * i + 1] as number)) * RAD),
    );
    const p = prepared[position] as PreparedVolunteer;
    const misfit = prefExact
      ? missingShare(pointSkills[i] as number)
      : breakdownOf(p.volunteer, order.order, gc, walkFactor).skillMisfit;
    const cost =
      wDistance * (gc * walkFactor) +
      wSkill * misfit +
      wRating * (pointShortfall[i] as number) +
      wFairness * (pointLoad[i] as number);
    if (top.length === k) {
      const last = top[k - 1] as Scored;
      if (cost > last.cost || (cost === last.cost && position > last.position)) return;
    }
    if (!isFeasible(p, order)) return;
    let j = top.length < k ? top.length : k - 1;
    while (j > 0) {
      const before = top[j - 1] as Scored;
      if (before.cost < cost || (before.cost === cost && before.position < position)) break;
      top[j] = before;
      j--;
    }
    top[j] = { position, greatCircleKm: gc, cost };
    if (top.length === k) bar = (top[k - 1] as Scored).cost;
  };
  const admits = (id: number) =>
    nodeRoom[id] !== 0 &&
    ((nodeSkills[id] as number) & needSkills) === needSkills &&
    areasMeet(nodeAreas, id * AREA_WORDS) &&
    hoursMeet(nodeHours, id * HOUR_WORDS);
  const bound = (id: number, haversine: number) =>
    (perKm * haversineToKm(haversine) +
      wSkill * missingShare(nodeSkills[id] as number) +
      wRating * (nodeMinShortfall[id] as number) +
      wFairness * (nodeMinLoad[id] as number)) *
    SLACK;

  frontier.reset();
  if (admits(0)) frontier.add(0, ids.length - 1, 0, 0, -180, -90, 180, 90, 0);
  for (let s = frontier.pop(); s >= 0; s = frontier.pop()) {
    if ((frontier.key[s] as number) > bar) break;
    const { ints, box } = frontier;
    const left = ints[4 * s] as number;
    const right = ints[4 * s + 1] as number;
    const axis = ints[4 * s + 2] as number;
    const id = ints[4 * s + 3] as number;
    if (right - left <= NODE_SIZE) {
      for (let i = left; i <= right; i++) consider(i);
      continue;
    }
    const minLng = box[4 * s] as number;
    const minLat = box[4 * s + 1] as number;
    const maxLng = box[4 * s + 2] as number;
    const maxLat = box[4 * s + 3] as number;
    const m = (left + right) >> 1;
    consider(m);
    const split = coords[2 * m + axis] as number;
    const lowId = 2 * id + 1;
    if (left <= m - 1 && admits(lowId)) {
      const lowMaxLng = axis === 0 ? split : maxLng;
      const lowMaxLat = axis === 0 ? maxLat : split;
      const key = bound(lowId, boxDist(lng, lat, cosLat, minLng, minLat, lowMaxLng, lowMaxLat));
      if (key <= bar) frontier.add(left, m - 1, 1 - axis, lowId, minLng, minLat, lowMaxLng, lowMaxLat, key);
    }
    const highId = 2 * id + 2;
    if (m + 1 <= right && admits(highId)) {
      const highMinLng = axis === 0 ? split : minLng;
      const highMinLat = axis === 0 ? minLat : split;
      const key = bound(highId, boxDist(lng, lat, cosLat, highMinLng, highMinLat, maxLng, maxLat));
      if (key <= bar) frontier.add(m + 1, right, 1 - axis, highId, highMinLng, highMinLat, maxLng, maxLat, key);
    }
  }
  return top;
}
