/** A searchable tree of the regions in the caller's scope (district → subdistrict → community), showing names, never raw codes. */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { type Region, useRegions } from './data.js';
import { buildRegionTree, type RegionNode } from './region-tree.js';

interface RegionOption {
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

export function RegionTreeSelect(props: {
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const regions = useRegions();
  const options = useMemo(() => toOptions(buildRegionTree(regions.data?.regions ?? [])), [regions.data]);
  return (
    <TreeSelect<string>
      id={props.id}
      aria-label={props['aria-label']}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={regions.isPending}
      treeData={options}
      // Until the tree has loaded, a value shows nothing rather than its code.
      value={regions.data ? props.value : undefined}
      onChange={props.onChange}
    />
  );
}
