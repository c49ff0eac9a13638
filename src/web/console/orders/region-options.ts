import type { Region } from '../data.js';
import { buildRegionTree, type RegionNode } from '../region-tree.js';

export interface RegionOption {
  value: string;
  title: string;
  children?: RegionOption[];
}

const toOptions = (nodes: RegionNode<Region>[]): RegionOption[] =>
  nodes.map((n) => ({
    value: n.region.code,
    title: n.region.name,
    children: n.children.length ? toOptions(n.children) : undefined,
  }));

/** The scoped region tree as TreeSelect options. */
export const regionOptions = (regions: readonly Region[]) => toOptions(buildRegionTree(regions));
