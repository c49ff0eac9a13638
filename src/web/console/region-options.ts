import { useMemo } from 'react';
import { type Region, useRegions } from './data.js';
import { buildRegionTree, type RegionNode } from './region-tree.js';

export interface RegionOption {
  value: string;
  title: string;
  selectable?: boolean;
  children?: RegionOption[];
}

const toOptions = (nodes: RegionNode<Region>[], selectable?: (r: Region) => boolean): RegionOption[] =>
  nodes.map((n) => ({
    value: n.region.code,
    title: n.region.name,
    ...(selectable ? { selectable: selectable(n.region) } : {}),
    children: n.children.length ? toOptions(n.children, selectable) : undefined,
  }));

/** The scoped region tree as TreeSelect options (names, never codes); `selectable` limits what may be picked. */
export const regionOptions = (regions: readonly Region[], selectable?: (r: Region) => boolean) =>
  toOptions(buildRegionTree(regions), selectable);

/** The caller's region tree as TreeSelect options, its roots, and whether it is still loading. */
export function useRegionOptions(selectable?: (r: Region) => boolean) {
  const regions = useRegions();
  const options = useMemo(() => regionOptions(regions.data?.regions ?? [], selectable), [regions.data, selectable]);
  return { options, roots: regions.data?.roots, loading: regions.isPending, loaded: regions.data !== undefined };
}
