import FlatQueue from 'flatqueue';
import KDBush from 'kdbush';
import type { CellIndex, Post } from './coverage.js';
import type { LngLat } from './population.js';
import { metersBetween, projector } from './reach.js';

/** An undirected road graph in compressed adjacency form; node ids are dense integers. */
export interface RoadGraph {
  lat: Float64Array;
  lng: Float64Array;
  adjStart: Int32Array;
  adjTo: Int32Array;
  adjLen: Float64Array;
  /** Nodes in a local metric projection, for nearest-node lookups. */
  tree: KDBush;
  project: (lat: number, lng: number) => [number, number];
}

/** Builds the graph from GeoJSON line coordinates; vertices closer than ~0.1 m are one node. */
export function buildRoadGraph(lines: LngLat[][]): RoadGraph {
  const ids = new Map<string, number>();
  const lat: number[] = [];
  const lng: number[] = [];
  const edges: [number, number, number][] = [];
  const node = ([x, y]: LngLat) => {
    const key = `${x.toFixed(6)},${y.toFixed(6)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = lat.length;
      ids.set(key, id);
      lat.push(y);
      lng.push(x);
    }
    return id;
  };
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a = node(line[i - 1] as LngLat);
      const b = node(line[i] as LngLat);
      if (a !== b)
        edges.push([a, b, metersBetween(lat[a] as number, lng[a] as number, lat[b] as number, lng[b] as number)]);
    }
  }
  const n = lat.length;
  const degree = new Int32Array(n + 1);
  for (const [a, b] of edges) {
    degree[a + 1] = (degree[a + 1] as number) + 1;
    degree[b + 1] = (degree[b + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) degree[i + 1] = (degree[i + 1] as number) + (degree[i] as number);
  const adjStart = degree.slice();
  const fill = degree.slice(0, n);
  const adjTo = new Int32Array(edges.length * 2);
  const adjLen = new Float64Array(edges.length * 2);
  const link = (from: number, to: number, len: number) => {
    const slot = fill[from] as number;
    adjTo[slot] = to;
    adjLen[slot] = len;
    fill[from] = slot + 1;
  };
  for (const [a, b, len] of edges) {
    link(a, b, len);
    link(b, a, len);
  }
  const project = projector(n > 0 ? (lat[0] as number) : 0);
  const tree = new KDBush(Math.max(n, 1));
  if (n === 0) tree.add(Number.MAX_VALUE, Number.MAX_VALUE);
  for (let i = 0; i < n; i++) tree.add(...project(lat[i] as number, lng[i] as number));
  tree.finish();
  return {
    lat: Float64Array.from(lat),
    lng: Float64Array.from(lng),
    adjStart,
    adjTo,
    adjLen,
    tree,
    project,
  };
}

/** The nearest node within `maxM` metres and its distance, or null. */
export function nearestNode(
  g: RoadGraph,
  lat: number,
  lng: number,
  maxM: number,
): { node: number; meters: number } | null {
  const [x, y] = g.project(lat, lng);
  let best: { node: number; meters: number } | null = null;
  for (const id of g.tree.within(x, y, maxM * 1.02 + 1)) {
    if (id >= g.lat.length) continue;
    const m = metersBetween(lat, lng, g.lat[id] as number, g.lng[id] as number);
    if (m <= maxM && (!best || m < best.meters || (m === best.meters && id < best.node)))
      best = { node: id, meters: m };
  }
  return best;
}

export interface Source {
  node: number;
  /** Metres already walked before reaching the node (from the post to the road). */
  offset: number;
  /** Which post this source stands for. */
  post: number;
}

export interface Reached {
  /** Shortest distance along the network from the nearest source; Infinity beyond the cutoff. */
  dist: Float64Array;
  /** The post the distance comes from; -1 where unreached. */
  from: Int32Array;
}

/** Multi-source Dijkstra that stops at `cutoff` metres. */
export function multiSourceDijkstra(g: RoadGraph, sources: Source[], cutoff: number): Reached {
  const n = g.lat.length;
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n).fill(-1);
  const queue = new FlatQueue<number>();
  for (const s of sources) {
    if (s.offset > cutoff || s.offset >= (dist[s.node] as number)) continue;
    dist[s.node] = s.offset;
    from[s.node] = s.post;
    queue.push(s.node, s.offset);
  }
  while (queue.length > 0) {
    const d = queue.peekValue() as number;
    const u = queue.pop() as number;
    if (d > (dist[u] as number)) continue; // a stale entry
    for (let e = g.adjStart[u] as number; e < (g.adjStart[u + 1] as number); e++) {
      const v = g.adjTo[e] as number;
      const nd = d + (g.adjLen[e] as number);
      if (nd <= cutoff && nd < (dist[v] as number)) {
        dist[v] = nd;
        from[v] = from[u] as number;
        queue.push(v, nd);
      }
    }
  }
  return { dist, from };
}

export interface RoadAccess {
  /** For each population cell, the node people walk to, or -1 when no road is within reach. */
  node: Int32Array;
  offset: Float64Array;
}

/** Links every population cell to its nearest road node within `maxOffRoadM`. */
export function roadAccess(g: RoadGraph, index: CellIndex, maxOffRoadM: number): RoadAccess {
  const node = new Int32Array(index.cells.length).fill(-1);
  const offset = new Float64Array(index.cells.length);
  index.cells.forEach((c, i) => {
    const near = nearestNode(g, c.lat, c.lng, maxOffRoadM);
    if (near) {
      node[i] = near.node;
      offset[i] = near.meters;
    }
  });
  return { node, offset };
}

/**
 * Reach along the network: a cell is reached by the post whose path (post → road → road → cell) is shortest,
 * when that path is at most `walkM`. Each cell goes to one post, so the lists partition the reached area.
 */
export function roadReach(
  g: RoadGraph,
  access: RoadAccess,
  posts: Post[],
  walkM: number,
  maxOffRoadM: number,
): number[][] {
  const sources: Source[] = [];
  posts.forEach((p, post) => {
    const near = nearestNode(g, p.lat, p.lng, maxOffRoadM);
    if (near) sources.push({ node: near.node, offset: near.meters, post });
  });
  const { dist, from } = multiSourceDijkstra(g, sources, walkM);
  const reach: number[][] = posts.map(() => []);
  for (let i = 0; i < access.node.length; i++) {
    const n = access.node[i] as number;
    if (n < 0 || from[n] === -1) continue;
    if ((dist[n] as number) + (access.offset[i] as number) <= walkM) (reach[from[n] as number] as number[]).push(i);
  }
  return reach;
}
