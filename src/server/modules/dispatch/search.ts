import { isFeasible, type PreparedOrder, type PreparedVolunteer } from './constraints.js';
import { breakdownOf, EARTH_RADIUS_KM, RAD } from './cost.js';
import { FRONTIER_BOX, Frontier } from './frontier.js';
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

const frontier = new Frontier();
/** Read once: an import used in the walk's loop would be a getter call under tsx's CommonJS. */
const BOX = FRONTIER_BOX;

/**
 * The top list of the last search (searchTop), cheapest first, kept between searches like the frontier: no object
 * per entry. Read it before the next search.
 */
export const top = { position: new Int32Array(64), cost: new Float64Array(64), km: new Float64Array(64) };

/**
 * The order's possible candidates as a bit set over tree slots (room, an hour of the window, the required skills,
 * and with the default area match a served area), and the number of bits set before each word; kept between searches.
 */
let mask = new Uint32Array(64);
let areaMask = new Uint32Array(64);
let maskRank = new Int32Array(65);

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/**
 * The k cheapest feasible volunteers, exactly (the same as scanning everyone, ties by position): a best-first walk
 * of the kd-tree by a lower bound of the cost inside each subtree (walking distance to its box, plus the preferred
 * skills nobody in it has, plus its least rating shortfall and load), skipping subtrees whose summary rules them
 * out, and stopping once the best unexplored bound costs more than the k-th cheapest found. A point is checked and
 * costed from the index's typed arrays; its volunteer object is read only when the order needs what they cannot
 * say exactly (a tenant's own area rule, a skill on the shared last bit, a volunteer who blocks somebody).
 */
export function searchCandidates(
  index: DispatchIndex,
  order: PreparedOrder,
  k: number,
  weights: DispatchWeights,
  walkFactor: number,
): Scored[] {
  const found = searchTop(index, order, k, weights, walkFactor);
  const list: Scored[] = [];
  for (let j = 0; j < found; j++)
    list.push({ position: top.position[j] as number, greatCircleKm: top.km[j] as number, cost: top.cost[j] as number });
  return list;
}

/** searchCandidates without an object per candidate: the number found, the list itself in `top`. */
export function searchTop(
  index: DispatchIndex,
  order: PreparedOrder,
  k: number,
  weights: DispatchWeights,
  walkFactor: number,
): number {
  const tree = index.tree;
  if (!tree || k <= 0 || order.window.length === 0) return 0;
  // Imports read once: under a CommonJS transform (tsx, vitest) each use of an import is a property read.
  const areaWords = AREA_WORDS;
  const leafSize = NODE_SIZE;
  const rad = RAD;
  const earthRadius = EARTH_RADIUS_KM;
  const { skillBit } = index;
  // A skill on the shared last bit (tenants with more than 32 codes) only proves absence.
  const sharedBit = skillBit.size > 32 ? 31 : 32;
  let needSkills = 0;
  let skillsExact = true;
  for (const s of order.order.requiredSkills) {
    const bit = skillBit.get(s);
    if (bit === undefined) return 0;
    needSkills |= 1 << bit;
    if (bit === sharedBit) skillsExact = false;
  }
  // The hour words the window touches, with their bits (usually one word).
  const needHours = new Uint32Array(HOUR_WORDS);
  hoursOf(order.window, needHours, 0);
  const hourWord: number[] = [];
  const hourMask: number[] = [];
  for (let w = 0; w < HOUR_WORDS; w++) {
    if (needHours[w] === 0) continue;
    hourWord.push(w);
    hourMask.push(needHours[w] as number);
  }
  const hourWords = hourWord.length;
  // With the default prefix match, a volunteer's area must equal one of the prefixes of the order's region.
  const needAreas = new Uint32Array(AREA_WORDS);
  const prefixIds: number[] = [];
  if (order.prefixMatch) {
    const code = order.order.regionCode;
    for (let len = 0; len <= code.length; len++) {
      const prefix = code.slice(0, len);
      areaBit(prefix, needAreas, 0);
      const id = index.areaId.get(prefix);
      if (id !== undefined) prefixIds.push(id);
    }
  } else {
    needAreas.fill(0xffffffff);
  }
  const prefixCount = prefixIds.length;
  if (order.prefixMatch && prefixCount === 0) return 0;

  // The possible candidates as a bit set: the hours of the window (with room), then each required skill, then the
  // areas that serve the order's region (exactly, by id).
  const slotWords = index.slotWords;
  if (mask.length < slotWords) {
    mask = new Uint32Array(slotWords);
    areaMask = new Uint32Array(slotWords);
    maskRank = new Int32Array(slotWords + 1);
  }
  const candidates = mask;
  const rank = maskRank;
  const { hourSlots, skillSlots, areaSlots } = index;
  candidates.fill(0, 0, slotWords);
  for (let w = 0; w < hourWords; w++) {
    let bits = hourMask[w] as number;
    while (bits !== 0) {
      const h = 32 * (hourWord[w] as number) + 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const at = h * slotWords;
      for (let x = 0; x < slotWords; x++) candidates[x] = (candidates[x] as number) | (hourSlots[at + x] as number);
    }
  }
  let skillBits = needSkills;
  while (skillBits !== 0) {
    const at = (31 - Math.clz32(skillBits & -skillBits)) * slotWords;
    skillBits &= skillBits - 1;
    for (let x = 0; x < slotWords; x++) candidates[x] = (candidates[x] as number) & (skillSlots[at + x] as number);
  }
  /** Whether the bit set decides the service area exactly. */
  const areasExact = order.prefixMatch && areaSlots !== null;
  if (areasExact) {
    const areas = areaMask;
    areas.fill(0, 0, slotWords);
    for (let j = 0; j < prefixCount; j++) {
      const at = (prefixIds[j] as number) * slotWords;
      for (let x = 0; x < slotWords; x++) areas[x] = (areas[x] as number) | (areaSlots[at + x] as number);
    }
    for (let x = 0; x < slotWords; x++) candidates[x] = (candidates[x] as number) & (areas[x] as number);
  }
  rank[0] = 0;
  for (let x = 0; x < slotWords; x++) rank[x + 1] = (rank[x] as number) + popcount(candidates[x] as number);
  if (rank[slotWords] === 0) return 0;
  /** Whether some slot in left … right (inclusive) is a possible candidate. */
  const anyIn = (left: number, right: number) => {
    const wl = left >> 5;
    const wr = right >> 5;
    const low = -1 << (left & 31);
    const high = 0xffffffff >>> (31 - (right & 31));
    if (wl === wr) return ((candidates[wl] as number) & low & high) !== 0;
    return (
      ((candidates[wl] as number) & low) !== 0 ||
      ((candidates[wr] as number) & high) !== 0 ||
      (rank[wr] as number) > (rank[wl + 1] as number)
    );
  };
  /** Whether the typed arrays decide every hard constraint. */
  const exact = order.prefixMatch && skillsExact;
  // The orderer and the users the order blocks, as tree slots.
  const ruledOut: number[] = [...(index.slotsOfUser.get(order.order.ordererUserId) ?? [])];
  for (const user of order.blocked ?? []) ruledOut.push(...(index.slotsOfUser.get(user) ?? []));
  const ruledOutCount = ruledOut.length;
  const orderer = order.order.ordererUserId;
  const window = order.window;
  const windowLength = window.length;

  // Each preferred skill's bit (0: nobody has it). A bit shared by several codes only proves absence.
  const preferred = order.order.preferredSkills ?? [];
  const prefCount = preferred.length;
  const prefBits = new Int32Array(prefCount);
  let prefExact = true;
  for (let j = 0; j < prefCount; j++) {
    const bit = skillBit.get(preferred[j] as string);
    if (bit === undefined) continue;
    prefBits[j] = 1 << bit;
    if (bit === sharedBit) prefExact = false;
  }
  const missingShare = (bits: number) => {
    if (prefCount === 0) return 0;
    let missing = 0;
    for (let j = 0; j < prefCount; j++) if ((bits & (prefBits[j] as number)) === 0) missing++;
    return missing / prefCount;
  };

  const { pointSkills, pointAreas, nodeSkills, prepared } = index;
  const { pointCosLat, pointShortfall, pointLoad, nodeMinShortfall, nodeMinLoad } = index;
  const { pointSlotStart, pointSlotMinutes, pointAreaStart, pointAreaIds, pointBlocks } = index;
  const ids = tree.ids;
  const coords = tree.coords;
  const areasMeet = (areas: Uint32Array, offset: number) =>
    ((areas[offset] as number) & (needAreas[0] as number)) !== 0 ||
    ((areas[offset + 1] as number) & (needAreas[1] as number)) !== 0;
  /** The rest of isFeasible, exactly, from the typed arrays (given a possible candidate and an exact order). */
  const servesExactly = (i: number) => {
    let area = areasExact;
    for (let a = pointAreaStart[i] as number; !area && a < (pointAreaStart[i + 1] as number); a++) {
      const id = pointAreaIds[a] as number;
      for (let j = 0; j < prefixCount; j++) if (prefixIds[j] === id) area = true;
    }
    if (!area) return false;
    let meets = false;
    for (let a = pointSlotStart[i] as number; !meets && a < (pointSlotStart[i + 1] as number); a += 2) {
      const start = pointSlotMinutes[a] as number;
      const end = pointSlotMinutes[a + 1] as number;
      for (let j = 0; j < windowLength; j += 2)
        if (start < (window[j + 1] as number) && (window[j] as number) < end) meets = true;
    }
    if (!meets) return false;
    for (let j = 0; j < ruledOutCount; j++) if (ruledOut[j] === i) return false;
    if (pointBlocks[i] !== 0) return !(prepared[ids[i] as number] as PreparedVolunteer).blocked?.has(orderer);
    return true;
  };

  const { lat, lng } = order.order;
  const cosLat = Math.cos(lat * rad);
  const { distance: wDistance, skill: wSkill, rating: wRating, fairness: wFairness } = weights;
  const perKm = wDistance * walkFactor;
  if (top.position.length < k) {
    top.position = new Int32Array(k);
    top.cost = new Float64Array(k);
    top.km = new Float64Array(k);
  }
  const positions = top.position;
  const costs = top.cost;
  const kms = top.km;
  let found = 0;
  /** The k-th cheapest cost so far, +∞ while fewer than k are found. */
  let bar = Number.POSITIVE_INFINITY;
  /** A possible candidate (its bit is set: room, required skill bits, an hour of the window, an area if exact). */
  const consider = (i: number) => {
    if (exact ? !servesExactly(i) : !areasExact && !areasMeet(pointAreas, i * areaWords)) return;
    const position = ids[i] as number;
    // greatCircleKm written out (haverSin, haversinePartial, haversineToKm), the same operations in the same order
    // so that costs equal a scan's exactly; calls returning a number that are not inlined would box it.
    const sLng = Math.sin(((lng - (coords[2 * i] as number)) * rad) / 2);
    const sLat = Math.sin(((lat - (coords[2 * i + 1] as number)) * rad) / 2);
    const gc =
      2 *
      earthRadius *
      Math.asin(Math.sqrt(Math.min(1, cosLat * (pointCosLat[i] as number) * (sLng * sLng) + sLat * sLat)));
    const misfit = prefExact
      ? missingShare(pointSkills[i] as number)
      : breakdownOf((prepared[position] as PreparedVolunteer).volunteer, order.order, gc, walkFactor).skillMisfit;
    const cost =
      wDistance * (gc * walkFactor) +
      wSkill * misfit +
      wRating * (pointShortfall[i] as number) +
      wFairness * (pointLoad[i] as number);
    if (found === k) {
      const last = costs[k - 1] as number;
      if (cost > last || (cost === last && position > (positions[k - 1] as number))) return;
    }
    if (!exact && !isFeasible(prepared[position] as PreparedVolunteer, order)) return;
    let j = found < k ? found++ : k - 1;
    while (j > 0) {
      const before = costs[j - 1] as number;
      if (before < cost || (before === cost && (positions[j - 1] as number) < position)) break;
      costs[j] = before;
      positions[j] = positions[j - 1] as number;
      kms[j] = kms[j - 1] as number;
      j--;
    }
    costs[j] = cost;
    positions[j] = position;
    kms[j] = gc;
    if (found === k) bar = costs[k - 1] as number;
  };
  frontier.reset();
  {
    const root = frontier.open(0, ids.length - 1, 0, 0);
    frontier.box.set([-180, -90, 180, 90, Math.cos(-90 * rad), Math.cos(90 * rad)], BOX * root);
    frontier.key[root] = 0;
    frontier.push(root);
  }
  for (let s = frontier.pop(); s >= 0; s = frontier.pop()) {
    if ((frontier.key[s] as number) > bar) break;
    const ints = frontier.ints;
    const left = ints[4 * s] as number;
    const right = ints[4 * s + 1] as number;
    const axis = ints[4 * s + 2] as number;
    const id = ints[4 * s + 3] as number;
    if (right - left <= leafSize) {
      const wr = right >> 5;
      for (let x = left >> 5; x <= wr; x++) {
        let bits = candidates[x] as number;
        if (x === left >> 5) bits &= -1 << (left & 31);
        if (x === wr) bits &= 0xffffffff >>> (31 - (right & 31));
        while (bits !== 0) {
          const i = 32 * x + 31 - Math.clz32(bits & -bits);
          bits &= bits - 1;
          consider(i);
        }
      }
      continue;
    }
    const m = (left + right) >> 1;
    if (((candidates[m >> 5] as number) & (1 << (m & 31))) !== 0) consider(m);
    const split = coords[2 * m + axis] as number;
    const cosSplit = axis === 1 ? Math.cos(split * rad) : 0;
    for (let side = 0; side < 2; side++) {
      const from = side === 0 ? left : m + 1;
      const to = side === 0 ? m - 1 : right;
      const child = 2 * id + 1 + side;
      if (from > to || !anyIn(from, to)) continue;
      const box = frontier.box;
      let minLng = box[BOX * s] as number;
      let minLat = box[BOX * s + 1] as number;
      let maxLng = box[BOX * s + 2] as number;
      let maxLat = box[BOX * s + 3] as number;
      let cosMinLat = box[BOX * s + 4] as number;
      let cosMaxLat = box[BOX * s + 5] as number;
      if (axis === 0) {
        if (side === 0) maxLng = split;
        else minLng = split;
      } else if (side === 0) {
        maxLat = split;
        cosMaxLat = cosSplit;
      } else {
        minLat = split;
        cosMinLat = cosSplit;
      }
      // A lower bound of the haversine from the order to any point of the box: each of its two terms at its least
      // over the box (the latitude gap; the longitude gap times the least cosine, at a latitude bound).
      const dLat = lat < minLat ? lat - minLat : lat > maxLat ? lat - maxLat : 0;
      const sLat = Math.sin((dLat * rad) / 2);
      let lngTerm = 0;
      if (lng < minLng || lng > maxLng) {
        const a = Math.sin(((lng - minLng) * rad) / 2);
        const b = Math.sin(((lng - maxLng) * rad) / 2);
        lngTerm = cosLat * Math.min(cosMinLat, cosMaxLat) * Math.min(a * a, b * b);
      }
      const km = 2 * earthRadius * Math.asin(Math.sqrt(Math.min(1, sLat * sLat + lngTerm)));
      const key =
        (perKm * km +
          wSkill * missingShare(nodeSkills[child] as number) +
          wRating * (nodeMinShortfall[child] as number) +
          wFairness * (nodeMinLoad[child] as number)) *
        SLACK;
      if (key > bar) continue;
      const slot = frontier.open(from, to, 1 - axis, child);
      const out = frontier.box;
      out[BOX * slot] = minLng;
      out[BOX * slot + 1] = minLat;
      out[BOX * slot + 2] = maxLng;
      out[BOX * slot + 3] = maxLat;
      out[BOX * slot + 4] = cosMinLat;
      out[BOX * slot + 5] = cosMaxLat;
      frontier.key[slot] = key;
      frontier.push(slot);
    }
  }
  return found;
}
