/** A searchable tree of the regions in the caller's scope (district → subdistrict → community), showing names, never raw codes. */
import { TreeSelect } from 'antd';
import { useRegionOptions } from './region-options.js';

export function RegionTreeSelect(props: {
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const regions = useRegionOptions();
  return (
    <TreeSelect<string>
      id={props.id}
      aria-label={props['aria-label']}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={regions.loading}
      treeData={regions.options}
      // Until the tree has loaded, a value shows nothing rather than its code.
      value={regions.loaded ? props.value : undefined}
      onChange={props.onChange}
    />
  );
}
