/** The community list of the picker: fetched with antd-mobile's Popup when the picker first opens. */
import { CheckList, Popup, SearchBar } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from './CommunityPicker.js';

export function CommunityPickerSheet({
  communities,
  value,
  open,
  onChoose,
  onClose,
}: {
  communities: Community[];
  value?: string;
  open: boolean;
  onChoose: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim();
    return q ? communities.filter((c) => c.name.includes(q) || c.subdistrict.includes(q)) : communities;
  }, [communities, query]);
  return (
    <Popup visible={open} onMaskClick={onClose} bodyStyle={{ height: '70vh', overflowY: 'auto' }}>
      <div className="lf-h5-picker-search">
        <SearchBar
          placeholder={t('volunteer.fields.communitySearch')}
          value={query}
          onChange={setQuery}
          aria-label={t('volunteer.fields.communitySearch')}
        />
      </div>
      <CheckList
        value={value ? [value] : []}
        onChange={(v) => {
          const code = v[0];
          if (typeof code === 'string') onChoose(code);
        }}
      >
        {shown.map((c) => (
          <CheckList.Item key={c.code} value={c.code} description={c.subdistrict}>
            {c.name}
          </CheckList.Item>
        ))}
      </CheckList>
    </Popup>
  );
}
