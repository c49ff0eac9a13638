/** A searchable choice of the regions in the caller's scope, of the given levels. */
import { Select } from 'antd';
import { useRegions } from '../data.js';

export function RegionSelect(props: {
  levels: readonly string[];
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const regions = useRegions();
  const options = (regions.data?.regions ?? [])
    .filter((r) => props.levels.includes(r.level))
    .map((r) => ({ value: r.code, label: r.name }));
  return (
    <Select
      id={props.id}
      showSearch
      optionFilterProp="label"
      loading={regions.isPending}
      options={options}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
