import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type PublicRegion, type SiteKind, siteKinds } from './data.js';

/** The kind and region filter, kept in the address (?kind=…&region=…) so list and map share it. */
export function useSiteFilter() {
  const [params, setParams] = useSearchParams();
  const kind = (siteKinds as string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as SiteKind)
    : undefined;
  const regionCode = /^\d{6,12}$/.test(params.get('region') ?? '') ? (params.get('region') as string) : undefined;
  const set = (next: { kind?: SiteKind; regionCode?: string }) => {
    const p = new URLSearchParams();
    if (next.kind) p.set('kind', next.kind);
    if (next.regionCode) p.set('region', next.regionCode);
    setParams(p, { replace: true });
  };
  return { kind, regionCode, set };
}

export function SiteFilters({ regions }: { regions: PublicRegion[] }) {
  const { t } = useTranslation();
  const { kind, regionCode, set } = useSiteFilter();
  const subdistricts = regions.filter((r) => r.level === 'subdistrict');
  return (
    <div className="lf-sites-filters">
      <div className="lf-sites-filters-row">
        <label htmlFor="lf-site-kind">{t('sitePages.kind')}</label>
        <select
          id="lf-site-kind"
          className="lf-native-select"
          value={kind ?? ''}
          onChange={(e) => set({ kind: (e.target.value || undefined) as SiteKind | undefined, regionCode })}
        >
          <option value="">{t('sitePages.allKinds')}</option>
          {siteKinds.map((k) => (
            <option key={k} value={k}>
              {t(`siteKinds.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="lf-site-region">{t('sitePages.region')}</label>
        <select
          id="lf-site-region"
          className="lf-native-select"
          value={regionCode ?? ''}
          onChange={(e) => set({ kind, regionCode: e.target.value || undefined })}
        >
          <option value="">{t('sitePages.allRegions')}</option>
          {subdistricts.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
