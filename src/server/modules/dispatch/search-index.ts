import KDBush from 'kdbush';
import { WEEK, type WeeklyIntervals } from './availability.js';
import { type PreparedVolunteer, prepareVolunteer } from './constraints.js';
import { loadOf, RAD, ratingShortfallOf } from './cost.js';
import type { DispatchVolunteer } from './types.js';

export const HOUR_WORDS = 6; // 168 hours of the week, 32 per word
export const AREA_WORDS = 2; // service areas hashed into 64 bits

/** A region code's bit among 64 (FNV-1a): equal codes share a bit, so bits meeting is necessary for a match. */
export function areaBit(code: string, out: Uint32Array, offset: number): void {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  const bit = (h >>> 0) % (32 * AREA_WORDS);
  out[offset + (bit >> 5)] = ((out[offset + (bit >> 5)] as number) | (1 << (bit & 31))) >>> 0;
}
export const NODE_SIZE = 64;

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
  /** Per tree slot: cosine of the latitude, rating shortfall and load (the cost terms that need no order). */
  readonly pointCosLat: Float64Array;
  readonly pointShortfall: Float64Array;
  readonly pointLoad: Float64Array;
  /** Per node, over its volunteers with room: the least rating shortfall and load (lower bounds of the cost). */
  readonly nodeMinShortfall: Float64Array;
  readonly nodeMinLoad: Float64Array;
  /**
   * The hard constraints per tree slot in typed arrays, so that a search checks a point without reading its
   * volunteer object (on a large index those reads are cache misses, about a microsecond each):
   * weekly intervals, slots pointSlotStart[i] … pointSlotStart[i + 1] − 1 of pointSlotMinutes (start, end pairs);
   */
  readonly pointSlotStart: Int32Array;
  readonly pointSlotMinutes: Int32Array;
  /** service areas as ids of areaId, pointAreaStart[i] … pointAreaStart[i + 1] − 1 of pointAreaIds; */
  readonly areaId: ReadonlyMap<string, number>;
  readonly pointAreaStart: Int32Array;
  readonly pointAreaIds: Int32Array;
  /** 1 when the volunteer blocks somebody; */
  readonly pointBlocks: Uint8Array;
  /** the tree slots of each user id (the orderer, and the users an order blocks, are ruled out by slot). */
  readonly slotsOfUser: ReadonlyMap<string, readonly number[]>;
  /**
   * Partitions of the tree slots as bit sets, slotWords words each (bit i of word i >> 5 is tree slot i), so that a
   * search builds each order's set of possible candidates in a few thousand word operations and then visits only
   * those points, and only subtrees holding one (a kd-tree subtree is a contiguous range of slots):
   * per hour of the week, the volunteers with room and a slot in that hour (hourSlots[h * slotWords …]);
   * per skill bit, the volunteers holding it (skillSlots[bit * slotWords …]);
   * per service area id, the volunteers serving exactly that area (areaSlots[id * slotWords …]), or null when the
   * tenant has too many areas for it to pay (the search then checks areas point by point).
   */
  readonly slotWords: number;
  readonly hourSlots: Uint32Array;
  readonly skillSlots: Uint32Array;
  readonly areaSlots: Uint32Array | null;
}

/** Area bit sets are kept up to this many service areas (64 bytes a volunteer). */
export const MAX_AREA_SETS = 512;

export function hoursOf(intervals: WeeklyIntervals, out: Uint32Array, offset: number): void {
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
    const nothing = new Float64Array(0);
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
      pointCosLat: nothing,
      pointShortfall: nothing,
      pointLoad: nothing,
      nodeMinShortfall: nothing,
      nodeMinLoad: nothing,
      pointSlotStart: new Int32Array(1),
      pointSlotMinutes: new Int32Array(0),
      areaId: new Map(),
      pointAreaStart: new Int32Array(1),
      pointAreaIds: new Int32Array(0),
      pointBlocks: none,
      slotsOfUser: new Map(),
      slotWords: 0,
      hourSlots: empty,
      skillSlots: empty,
      areaSlots: null,
    };
  }
  const tree = new KDBush(n, NODE_SIZE);
  for (const v of volunteers) tree.add(v.lng, v.lat);
  tree.finish();

  const pointSkills = new Uint32Array(n);
  const pointHours = new Uint32Array(n * HOUR_WORDS);
  const pointRoom = new Uint8Array(n);
  const pointAreas = new Uint32Array(n * AREA_WORDS);
  const pointCosLat = new Float64Array(n);
  const pointShortfall = new Float64Array(n);
  const pointLoad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = prepared[tree.ids[i] as number] as PreparedVolunteer;
    let bits = 0;
    for (const s of p.volunteer.skills) bits |= 1 << (skillBit.get(s) as number);
    pointSkills[i] = bits >>> 0;
    hoursOf(p.slots, pointHours, i * HOUR_WORDS);
    pointRoom[i] = p.volunteer.openTasks < p.volunteer.capacity ? 1 : 0;
    for (const area of p.volunteer.serviceAreas) areaBit(area, pointAreas, i * AREA_WORDS);
    pointCosLat[i] = Math.cos(p.volunteer.lat * RAD);
    pointShortfall[i] = ratingShortfallOf(p.volunteer);
    pointLoad[i] = loadOf(p.volunteer);
  }

  const pointSlotStart = new Int32Array(n + 1);
  const pointAreaStart = new Int32Array(n + 1);
  const pointBlocks = new Uint8Array(n);
  const areaId = new Map<string, number>();
  const slotsOfUser = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const p = prepared[tree.ids[i] as number] as PreparedVolunteer;
    pointSlotStart[i + 1] = (pointSlotStart[i] as number) + p.slots.length;
    pointAreaStart[i + 1] = (pointAreaStart[i] as number) + p.volunteer.serviceAreas.length;
    for (const area of p.volunteer.serviceAreas) if (!areaId.has(area)) areaId.set(area, areaId.size);
    pointBlocks[i] = p.blocked ? 1 : 0;
    const same = slotsOfUser.get(p.volunteer.userId);
    if (same) same.push(i);
    else slotsOfUser.set(p.volunteer.userId, [i]);
  }
  const pointSlotMinutes = new Int32Array(pointSlotStart[n] as number);
  const pointAreaIds = new Int32Array(pointAreaStart[n] as number);
  for (let i = 0; i < n; i++) {
    const p = prepared[tree.ids[i] as number] as PreparedVolunteer;
    pointSlotMinutes.set(p.slots, pointSlotStart[i] as number);
    let at = pointAreaStart[i] as number;
    for (const area of p.volunteer.serviceAreas) pointAreaIds[at++] = areaId.get(area) as number;
  }

  const nodes = maxNode(0, n - 1, 0) + 1;
  const nodeSkills = new Uint32Array(nodes);
  const nodeHours = new Uint32Array(nodes * HOUR_WORDS);
  const nodeRoom = new Uint8Array(nodes);
  const nodeAreas = new Uint32Array(nodes * AREA_WORDS);
  const nodeMinShortfall = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
  const nodeMinLoad = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
  const absorb = (node: number, i: number) => {
    if (pointRoom[i] !== 0) {
      nodeMinShortfall[node] = Math.min(nodeMinShortfall[node] as number, pointShortfall[i] as number);
      nodeMinLoad[node] = Math.min(nodeMinLoad[node] as number, pointLoad[i] as number);
    }
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
      nodeMinShortfall[node] = Math.min(nodeMinShortfall[node] as number, nodeMinShortfall[child] as number);
      nodeMinLoad[node] = Math.min(nodeMinLoad[node] as number, nodeMinLoad[child] as number);
      for (let w = 0; w < AREA_WORDS; w++) {
        nodeAreas[node * AREA_WORDS + w] =
          ((nodeAreas[node * AREA_WORDS + w] as number) | (nodeAreas[child * AREA_WORDS + w] as number)) >>> 0;
      }
    }
  };
  summarise(0, n - 1, 0);

  const slotWords = (n + 31) >> 5;
  const hourSlots = new Uint32Array((WEEK / 60) * slotWords);
  const skillSlots = new Uint32Array(32 * slotWords);
  const areaSlots = areaId.size <= MAX_AREA_SETS ? new Uint32Array(areaId.size * slotWords) : null;
  for (let i = 0; i < n; i++) {
    const word = i >> 5;
    const bit = 1 << (i & 31);
    if (pointRoom[i] !== 0) {
      for (let w = 0; w < HOUR_WORDS; w++) {
        let hours = pointHours[i * HOUR_WORDS + w] as number;
        while (hours !== 0) {
          const h = 32 * w + 31 - Math.clz32(hours & -hours);
          hours &= hours - 1;
          hourSlots[h * slotWords + word] = ((hourSlots[h * slotWords + word] as number) | bit) >>> 0;
        }
      }
    }
    let skills = pointSkills[i] as number;
    while (skills !== 0) {
      const b = 31 - Math.clz32(skills & -skills);
      skills &= skills - 1;
      skillSlots[b * slotWords + word] = ((skillSlots[b * slotWords + word] as number) | bit) >>> 0;
    }
    if (areaSlots)
      for (let a = pointAreaStart[i] as number; a < (pointAreaStart[i + 1] as number); a++) {
        const at = (pointAreaIds[a] as number) * slotWords + word;
        areaSlots[at] = ((areaSlots[at] as number) | bit) >>> 0;
      }
  }
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
    pointCosLat,
    pointShortfall,
    pointLoad,
    nodeMinShortfall,
    nodeMinLoad,
    pointSlotStart,
    pointSlotMinutes,
    areaId,
    pointAreaStart,
    pointAreaIds,
    pointBlocks,
    slotsOfUser,
    slotWords,
    hourSlots,
    skillSlots,
    areaSlots,
  };
}
