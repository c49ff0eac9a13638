/** Choosing one of 218 communities on a phone: a search box over a list grouped by subdistrict. */
import { CheckList, Popup, SearchBar } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Community {
  code: string;
  name: string;
  subdistrict: string;
}

export function CommunityPicker({
  communities,
  value,
  onChange,
}: {
  communities: Community[];
  value?: string;
  onChange?: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const chosen = communities.find((c) => c.code === value);
  const shown = useMemo(() => {
    const q = query.trim();
    return q ? communities.filter((c) => c.name.includes(q) || c.subdistrict.includes(q)) : communities;
  }, [communities, query]);
  return (
    <>
      <button type="button" className="lf-h5-picker-trigger" onClick={() => setOpen(true)}>
        {chosen ? (
          `${chosen.subdistrict} · ${chosen.name}`
        ) : (
          <span className="lf-h5-placeholder">{t('volunteer.fields.communityPlaceholder')}</span>
        )}
      </button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyStyle={{ height: '70vh', overflowY: 'auto' }}>
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
            if (typeof code === 'string') onChange?.(code);
            setOpen(false);
          }}
        >
          {shown.map((c) => (
            <CheckList.Item key={c.code} value={c.code} description={c.subdistrict}>
              {c.name}
            </CheckList.Item>
          ))}
        </CheckList>
      </Popup>
    </>
  );
}
