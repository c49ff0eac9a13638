import { useMemo } from 'react';
import { type Region, useRegions } from '../data.js';
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

/** The caller's region tree as TreeSelect options. */
export function useRegionOptions() {
  const regions = useRegions();
  const options = useMemo(() => toOptions(buildRegionTree(regions.data?.regions ?? [])), [regions.data]);
  return { options, roots: regions.data?.roots, loading: regions.isPending };
}
