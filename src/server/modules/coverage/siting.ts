import FlatQueue from 'flatqueue';

/** Maximal covering: pick `n` candidates whose sets cover the most weight (people not yet covered). */
export interface SitingProblem {
  /** Weight of each element (people of an uncovered cell). */
  weights: ArrayLike<number>;
  /** For each candidate, the elements it would cover. */
  sets: ArrayLike<number>[];
}

export interface Pick {
  candidate: number;
  /** People this pick adds to the picks before it. */
  gain: number;
}

export interface SitingResult {
  picks: Pick[];
  total: number;
}

function gainOf(p: SitingProblem, c: number, taken: Uint8Array): number {
  let g = 0;
  const set = p.sets[c] as ArrayLike<number>;
  for (let k = 0; k < set.length; k++) {
    const e = set[k] as number;
    if (!taken[e]) g += p.weights[e] as number;
  }
  return g;
}

function take(p: SitingProblem, c: number, taken: Uint8Array): void {
  const set = p.sets[c] as ArrayLike<number>;
  for (let k = 0; k < set.length; k++) taken[set[k] as number] = 1;
}

/**
 * Greedy with lazy evaluation (CELF): a candidate's gain only shrinks as picks are made, so a stale gain
 * is an upper bound and only the top of the queue needs recomputing. Ties go to the lower index.
 */
export function greedySiting(
  p: SitingProblem,
  n: number,
  taken: Uint8Array = new Uint8Array(p.weights.length),
): SitingResult {
  const m = p.sets.length;
  const queue = new FlatQueue<number>();
  const tie = (c: number) => c / (m + 1);
  for (let c = 0; c < m; c++) queue.push(c, -gainOf(p, c, taken) + tie(c));
  const picks: Pick[] = [];
  let total = 0;
  while (picks.length < n && queue.length > 0) {
    const c = queue.pop() as number;
    const gain = gainOf(p, c, taken);
    const key = -gain + tie(c);
    if (queue.length > 0 && key > (queue.peekValue() as number)) {
      queue.push(c, key);
      continue;
    }
    if (gain <= 0) break;
    take(p, c, taken);
    picks.push({ candidate: c, gain });
    total += gain;
  }
  return { picks, total };
}

/** Marginal gains of picks taken in the given order. */
export function gainsInOrder(p: SitingProblem, candidates: number[]): SitingResult {
  const taken = new Uint8Array(p.weights.length);
  const picks = candidates.map((candidate) => {
    const gain = gainOf(p, candidate, taken);
    take(p, candidate, taken);
    return { candidate, gain };
  });
  return { picks, total: picks.reduce((s, x) => s + x.gain, 0) };
}

/**
 * Local search after greedy: swap one pick for one outside candidate while that covers more people.
 * Greedy alone can lose a third of the optimum on small instances; one-swap moves recover most of it.
 */
export function improveBySwaps(p: SitingProblem, chosen: number[], maxRounds = 20): number[] {
  const picks = [...chosen];
  const count = new Int32Array(p.weights.length);
  const add = (c: number, delta: number) => {
    const set = p.sets[c] as ArrayLike<number>;
    for (let k = 0; k < set.length; k++) count[set[k] as number] = (count[set[k] as number] as number) + delta;
  };
  const freeWeight = (c: number) => {
    let g = 0;
    const set = p.sets[c] as ArrayLike<number>;
    for (let k = 0; k < set.length; k++) if (count[set[k] as number] === 0) g += p.weights[set[k] as number] as number;
    return g;
  };
  for (const c of picks) add(c, 1);
  const inPicks = new Uint8Array(p.sets.length);
  for (const c of picks) inPicks[c] = 1;
  for (let round = 0; round < maxRounds; round++) {
    let improved = false;
    for (let i = 0; i < picks.length; i++) {
      const out = picks[i] as number;
      add(out, -1);
      const loss = freeWeight(out);
      let best = out;
      let bestGain = loss;
      for (let c = 0; c < p.sets.length; c++) {
        if (inPicks[c]) continue;
        const g = freeWeight(c);
        if (g > bestGain) {
          best = c;
          bestGain = g;
        }
      }
      add(best, 1);
      if (best !== out) {
        inPicks[out] = 0;
        inPicks[best] = 1;
        picks[i] = best;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return picks;
}

/**
 * The siting answer: lazy greedy, then one-swap improvement, also restarted with each of the `starts`
 * best single candidates forced first (a greedy that opens with the wrong post cannot swap its way out
 * of every trap). The best total wins; gains are reported in pick order. Restarts are for small candidate
 * lists, where traps cost the most and restarts the least; large lists get one.
 */
export function siteNewPosts(p: SitingProblem, n: number, starts = p.sets.length > 500 ? 1 : 8): SitingResult {
  const run = (first: number | null) => {
    const taken = new Uint8Array(p.weights.length);
    if (first !== null) take(p, first, taken);
    const rest = greedySiting(p, first === null ? n : n - 1, taken);
    const chosen = [...(first === null ? [] : [first]), ...rest.picks.map((x) => x.candidate)];
    return gainsInOrder(p, improveBySwaps(p, chosen));
  };
  let best = run(null);
  if (n < 2) return best;
  const singles = [...Array(p.sets.length).keys()]
    .map((c) => [c, gainOf(p, c, new Uint8Array(p.weights.length))] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [c, g] of singles.slice(0, starts)) {
    if (g <= 0 || c === best.picks[0]?.candidate) continue;
    const r = run(c);
    if (r.total > best.total) best = r;
  }
  return best;
}

/**
 * An upper bound on the optimum from any solution S: OPT ≤ f(S) + the n largest gains of single
 * candidates added to S (submodularity). Tells how close a greedy answer is without solving exactly.
 */
export function optimumUpperBound(p: SitingProblem, chosen: number[], n: number): number {
  const taken = new Uint8Array(p.weights.length);
  let total = 0;
  for (const c of chosen) {
    total += gainOf(p, c, taken);
    take(p, c, taken);
  }
  const gains: number[] = [];
  for (let c = 0; c < p.sets.length; c++) gains.push(gainOf(p, c, taken));
  gains.sort((a, b) => b - a);
  for (let i = 0; i < n && i < gains.length; i++) total += gains[i] as number;
  return total;
}

/** Exact optimum by branch and bound; for small instances (a check on the greedy answer). */
export function exactSiting(p: SitingProblem, n: number): SitingResult {
  const m = p.sets.length;
  const order = [...Array(m).keys()].sort(
    (a, b) => gainOf(p, b, new Uint8Array(p.weights.length)) - gainOf(p, a, new Uint8Array(p.weights.length)) || a - b,
  );
  const count = new Int32Array(p.weights.length);
  let best = greedySiting(p, n);
  const chosen: number[] = [];
  const covers = (c: number, delta: 1 | -1) => {
    let g = 0;
    const set = p.sets[c] as ArrayLike<number>;
    for (let k = 0; k < set.length; k++) {
      const e = set[k] as number;
      if (delta === 1 && count[e] === 0) g += p.weights[e] as number;
      count[e] = (count[e] as number) + delta;
    }
    return g;
  };
  const search = (from: number, value: number) => {
    if (value > best.total) best = gainsInOrder(p, [...chosen]);
    if (chosen.length === n || from === m) return;
    const free = (c: number) => {
      let g = 0;
      const set = p.sets[c] as ArrayLike<number>;
      for (let k = 0; k < set.length; k++)
        if (count[set[k] as number] === 0) g += p.weights[set[k] as number] as number;
      return g;
    };
    const rest = order
      .slice(from)
      .map(free)
      .sort((a, b) => b - a);
    let bound = value;
    for (let i = 0; i < n - chosen.length && i < rest.length; i++) bound += rest[i] as number;
    if (bound <= best.total) return;
    for (let i = from; i < m; i++) {
      const c = order[i] as number;
      chosen.push(c);
      const g = covers(c, 1);
      search(i + 1, value + g);
      covers(c, -1);
      chosen.pop();
    }
  };
  search(0, 0);
  return best;
}
