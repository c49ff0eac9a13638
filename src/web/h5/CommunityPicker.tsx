/**
 * Choosing one of 218 communities on a phone: a search box over a list grouped by subdistrict. The
 * list (and the Popup behind it) loads when the picker is first opened, not with the page.
 */
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../app/lazy.js';

const CommunityPickerSheet = lazyNamed(() => import('./CommunityPickerSheet.js'), 'CommunityPickerSheet');

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
  const [opened, setOpened] = useState(false);
  const chosen = communities.find((c) => c.code === value);
  return (
    <>
      <button
        type="button"
        className="lf-h5-picker-trigger"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        {chosen ? (
          `${chosen.subdistrict} · ${chosen.name}`
        ) : (
          <span className="lf-h5-placeholder">{t('volunteer.fields.communityPlaceholder')}</span>
        )}
      </button>
      {opened && (
        <Suspense fallback={null}>
          <CommunityPickerSheet
            communities={communities}
            value={value}
            open={open}
            onClose={() => setOpen(false)}
            onChoose={(code) => {
              onChange?.(code);
              setOpen(false);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
