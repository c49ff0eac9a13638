import KDBush from 'kdbush';
import { WEEK, type WeeklyIntervals } from './availability.js';
import { isFeasible, type PreparedOrder, type PreparedVolunteer, prepareVolunteer } from './constraints.js';
import {
  breakdownOf,
  greatCircleKm,
  haverSin,
  haversineToKm,
  haversinePartial as partial,
  RAD,
  weightedCost,
} from './cost.js';
import type { DispatchVolunteer, DispatchWeights } from './types.js';

const HOUR_WORDS = 6; // 168 hours of the week, 32 per word
const AREA_WORDS = 2; // service areas hashed into 64 bits

/** A region code's bit among 64 (FNV-1a): equal codes share a bit, so bits meeting is necessary for a match. */
function areaBit(code: string, out: Uint32Array, offset: number): void {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  const bit = (h >>> 0) % (32 * AREA_WORDS);
  out[offset + (bit >> 5)] = ((out[offset + (bit >> 5)] as number) | (1 << (bit & 31))) >>> 0;
}
const NODE_SIZE = 32;

/**
 * Volunteers prepared for search: a static kd-tree (kdbush) over their positions, and for every point and every
 * node of the tree a summary that can rule candidates out cheaply: skill bits, hours of the week with a slot, room.
 */
export interface DispatchIndex {
  readonly volunteers: readonly DispatchVolunteer[];
  readonly prepared: readonly PreparedVolunteer[];
  readonly tree: KDBush | null;
  /** Skill code → bit; codes past the 31st share bit 31 (a necessary condition only). */
  readonly skillBit: ReadonlyMap<string, number>;
  /** Per tree slot (kdbush order) and per node (heap numbering): skill bits, hour bits, room (1/0). */
  readonly pointSkills: Uint32Array;
  readonly pointHours: Uint32Array;
  readonly pointRoom: Uint8Array;
  /** Hashed service areas; only used with the default (prefix) area match. */
  readonly pointAreas: Uint32Array;
  readonly nodeAreas: Uint32Array;
  readonly nodeSkills: Uint32Array;
  readonly nodeHours: Uint32Array;
  readonly nodeRoom: Uint8Array;
}

function hoursOf(intervals: WeeklyIntervals, out: Uint32Array, offset: number): void {
  for (let i = 0; i < intervals.length; i += 2) {
    const start = Math.floor((intervals[i] as number) / 60);
    const end = Math.min(WEEK / 60, Math.ceil((intervals[i + 1] as number) / 60));
    for (let h = start; h < end; h++) out[offset + (h >> 5)] = (out[offset + (h >> 5)] as number) | (1 << (h & 31));
  }
}

function maxNode(left: number, right: number, node: number): number {
  if (right - left <= NODE_SIZE) return node;
  const m = (left + right) >> 1;
  return Math.max(maxNode(left, m - 1, 2 * node + 1), maxNode(m + 1, right, 2 * node + 2));
}

export function buildDispatchIndex(volunteers: readonly DispatchVolunteer[]): DispatchIndex {
  const prepared = volunteers.map(prepareVolunteer);
  const skillBit = new Map<string, number>();
  for (const v of volunteers)
    for (const s of v.skills) if (!skillBit.has(s)) skillBit.set(s, Math.min(31, skillBit.size));
  const n = volunteers.length;
  const empty = new Uint32Array(0);
  if (n === 0) {
    const none = new Uint8Array(0);
    return {
      volunteers,
      prepared,
      tree: null,
      skillBit,
      pointSkills: empty,
      pointHours: empty,
      pointRoom: none,
      pointAreas: empty,
      nodeAreas: empty,
      nodeSkills: empty,
      nodeHours: empty,
      nodeRoom: none,
    };
  }
  const tree = new KDBush(n, NODE_SIZE);
  for (const v of volunteers) tree.add(v.lng, v.lat);
  tree.finish();

  const pointSkills = new Uint32Array(n);
  const pointHours = new Uint32Array(n * HOUR_WORDS);
  const pointRoom = new Uint8Array(n);
  const pointAreas = new Uint32Array(n * AREA_WORDS);
  for (let i = 0; i < n; i++) {
    const p = prepared[tree.ids[i] as number] as PreparedVolunteer;
    let bits = 0;
    for (const s of p.volunteer.skills) bits |= 1 << (skillBit.get(s) as number);
    pointSkills[i] = bits >>> 0;
    hoursOf(p.slots, pointHours, i * HOUR_WORDS);
    pointRoom[i] = p.volunteer.openTasks < p.volunteer.capacity ? 1 : 0;
    for (const area of p.volunteer.serviceAreas) areaBit(area, pointAreas, i * AREA_WORDS);
  }

  const nodes = maxNode(0, n - 1, 0) + 1;
  const nodeSkills = new Uint32Array(nodes);
  const nodeHours = new Uint32Array(nodes * HOUR_WORDS);
  const nodeRoom = new Uint8Array(nodes);
  const nodeAreas = new Uint32Array(nodes * AREA_WORDS);
  const absorb = (node: number, i: number) => {
    for (let w = 0; w < AREA_WORDS; w++) {
      nodeAreas[node * AREA_WORDS + w] =
        ((nodeAreas[node * AREA_WORDS + w] as number) | (pointAreas[i * AREA_WORDS + w] as number)) >>> 0;
    }
    nodeSkills[node] = ((nodeSkills[node] as number) | (pointSkills[i] as number)) >>> 0;
    for (let w = 0; w < HOUR_WORDS; w++) {
      nodeHours[node * HOUR_WORDS + w] =
        ((nodeHours[node * HOUR_WORDS + w] as number) | (pointHours[i * HOUR_WORDS + w] as number)) >>> 0;
    }
    nodeRoom[node] = (nodeRoom[node] as number) | (pointRoom[i] as number);
  };
  const summarise = (left: number, right: number, node: number) => {
    if (right - left <= NODE_SIZE) {
      for (let i = left; i <= right; i++) absorb(node, i);
      return;
    }
    const m = (left + right) >> 1;
    absorb(node, m);
    for (const [l, r, child] of [
      [left, m - 1, 2 * node + 1],
      [m + 1, right, 2 * node + 2],
    ] as const) {
      summarise(l, r, child);
      nodeSkills[node] = ((nodeSkills[node] as number) | (nodeSkills[child] as number)) >>> 0;
      for (let w = 0; w < HOUR_WORDS; w++) {
        nodeHours[node * HOUR_WORDS + w] =
          ((nodeHours[node * HOUR_WORDS + w] as number) | (nodeHours[child * HOUR_WORDS + w] as number)) >>> 0;
      }
      nodeRoom[node] = (nodeRoom[node] as number) | (nodeRoom[child] as number);
      for (let w = 0; w < AREA_WORDS; w++) {
        nodeAreas[node * AREA_WORDS + w] =
          ((nodeAreas[node * AREA_WORDS + w] as number) | (nodeAreas[child * AREA_WORDS + w] as number)) >>> 0;
      }
    }
  };
  summarise(0, n - 1, 0);
  return {
    volunteers,
    prepared,
    tree,
    skillBit,
    pointSkills,
    pointHours,
    pointRoom,
    pointAreas,
    nodeAreas,
    nodeSkills,
    nodeHours,
    nodeRoom,
  };
}

/** A feasible volunteer scored for one order. */
export interface Scored {
  position: number;
  greatCircleKm: number;
  cost: number;
}

interface Node {
  left: number;
  right: number;
  axis: number;
  id: number;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  /** Lower bound of the haversine of any point inside. */
  dist: number;
}

/** Lower bound of the haversine from a point to a box (the bound geokdbush uses, ISC licence). */
function boxDist(lng: number, lat: number, cosLat: number, b: Node): number {
  if (lng >= b.minLng && lng <= b.maxLng) {
    if (lat < b.minLat) return haverSin((lat - b.minLat) * RAD);
    if (lat > b.maxLat) return haverSin((lat - b.maxLat) * RAD);
    return 0;
  }
  const hsDLng = Math.min(haverSin((lng - b.minLng) * RAD), haverSin((lng - b.maxLng) * RAD));
  const cosDLng = 1 - 2 * hsDLng;
  const extremumLat = cosDLng <= 0 ? (lat > 0 ? 90 : -90) : Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
  if (extremumLat > b.minLat && extremumLat < b.maxLat) return partial(hsDLng, cosLat, lat, extremumLat);
  return Math.min(partial(hsDLng, cosLat, lat, b.minLat), partial(hsDLng, cosLat, lat, b.maxLat));
}

class NodeQueue {
  items: Node[] = [];
  push(node: Node): void {
    const items = this.items;
    let i = items.length;
    items.push(node);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((items[up] as Node).dist <= node.dist) break;
      items[i] = items[up] as Node;
      i = up;
    }
    items[i] = node;
  }
  pop(): Node | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || !last) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && (items[child + 1] as Node).dist < (items[child] as Node).dist) child++;
      if ((items[child] as Node).dist >= last.dist) break;
      items[i] = items[child] as Node;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

const byCost = (a: Scored, b: Scored) => a.cost - b.cost || a.position - b.position;

/**
 * The k cheapest feasible volunteers, exactly (the same as scanning everyone, ties by position): a best-first walk
 * of the kd-tree by distance that skips subtrees whose summary rules them out, and stops once the nearest unexplored
 * subtree is so far that its walking distance alone costs more than the k-th cheapest found.
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
  needSkills >>>= 0;
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
  const { pointSkills, pointHours, pointRoom, pointAreas, nodeSkills, nodeHours, nodeRoom, nodeAreas, prepared } =
    index;
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
  const perKm = weights.distance * walkFactor;
  const top: Scored[] = [];
  const consider = (i: number) => {
    if (pointRoom[i] === 0 || ((pointSkills[i] as number) & needSkills) !== needSkills) return;
    if (!areasMeet(pointAreas, i * AREA_WORDS) || !hoursMeet(pointHours, i * HOUR_WORDS)) return;
    const position = tree.ids[i] as number;
    const p = prepared[position] as PreparedVolunteer;
    if (!isFeasible(p, order)) return;
    const gc = greatCircleKm(lat, lng, p.volunteer.lat, p.volunteer.lng);
    const s = {
      position,
      greatCircleKm: gc,
      cost: weightedCost(breakdownOf(p.volunteer, order.order, gc, walkFactor), weights),
    };
    if (top.length === k && byCost(s, top[k - 1] as Scored) >= 0) return;
    let j = top.length < k ? top.length : k - 1;
    while (j > 0 && byCost(s, top[j - 1] as Scored) < 0) {
      top[j] = top[j - 1] as Scored;
      j--;
    }
    top[j] = s;
  };
  const admits = (id: number) =>
    nodeRoom[id] !== 0 &&
    ((nodeSkills[id] as number) & needSkills) === needSkills &&
    areasMeet(nodeAreas, id * AREA_WORDS) &&
    hoursMeet(nodeHours, id * HOUR_WORDS);

  const queue = new NodeQueue();
  if (admits(0)) {
    queue.push({
      left: 0,
      right: tree.ids.length - 1,
      axis: 0,
      id: 0,
      minLng: -180,
      minLat: -90,
      maxLng: 180,
      maxLat: 90,
      dist: 0,
    });
  }
  for (let node = queue.pop(); node; node = queue.pop()) {
    if (top.length === k) {
      if (perKm * haversineToKm(node.dist) * (1 - 1e-9) > (top[k - 1] as Scored).cost) break;
    }
    const { left, right } = node;
    if (right - left <= NODE_SIZE) {
      for (let i = left; i <= right; i++) consider(i);
      continue;
    }
    const m = (left + right) >> 1;
    consider(m);
    const midLng = tree.coords[2 * m] as number;
    const midLat = tree.coords[2 * m + 1] as number;
    const axis = 1 - node.axis;
    const children: Node[] = [
      { ...node, right: m - 1, axis, id: 2 * node.id + 1 },
      { ...node, left: m + 1, axis, id: 2 * node.id + 2 },
    ];
    const [low, high] = children as [Node, Node];
    if (node.axis === 0) {
      low.maxLng = midLng;
      high.minLng = midLng;
    } else {
      low.maxLat = midLat;
      high.minLat = midLat;
    }
    for (const child of children) {
      if (child.left > child.right || !admits(child.id)) continue;
      child.dist = boxDist(lng, lat, cosLat, child);
      queue.push(child);
    }
  }
  return top;
}
