import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kindColour, siteKinds, useMapConfig, usePublicRegions, useSiteMapPoints } from './data.js';
import { LazySiteMap as SiteMap } from './LazySiteMap.js';
import { SiteFilters, useSiteFilter } from './SiteFilters.js';
import type { SiteMapPoint } from './SiteMap.js';
import { LoadError, Loading } from './states.js';

export function SiteMapPage() {
  const { t } = useTranslation();
  const { kind, regionCode } = useSiteFilter();
  const points = useSiteMapPoints();
  const regions = usePublicRegions();
  const config = useMapConfig();
  useEffect(() => {
    document.title = `${t('sitePages.map')} · ${t('sitePages.title')} · ${t('app.name')}`;
  }, [t]);
  // One response holds every site; filtering here is instant.
  const shown = useMemo(
    () =>
      (points.data?.items ?? []).filter(
        (p) => (!kind || p.kind === kind) && (!regionCode || p.regionCode.startsWith(regionCode)),
      ),
    [points.data, kind, regionCode],
  );
  const approximate = shown.filter((p) => p.approximate).length;
  const present = new Set(shown.map((p) => p.kind));

  const failed = points.error ?? config.error;
  if (failed) {
    return (
      <LoadError
        error={failed}
        onRetry={() => {
          void points.refetch();
          void config.refetch();
        }}
      />
    );
  }
  return (
    <>
      <SiteFilters regions={regions.data?.items ?? []} />
      {!points.data || !config.data ? (
        <Loading />
      ) : (
        <>
          <div className="lf-sites-count" data-testid="map-count">
            {t('sitePages.mapCount', { count: shown.length, approximate })}
          </div>
          <SiteMap
            points={shown}
            config={config.data}
            regions={regions.data?.items}
            ariaLabel={t('sitePages.map')}
            popup={(p: SiteMapPoint) => (
              <div className="lf-site-popup">
                <Link to={`/sites/${p.id}`}>{p.name}</Link>
                <div>{t(`siteKinds.${p.kind}`)}</div>
                {p.approximate && <div>{t('sitePages.approximateHint')}</div>}
              </div>
            )}
          />
          <section className="lf-map-legend" aria-label={t('sitePages.legend')}>
            {siteKinds
              .filter((k) => present.has(k))
              .map((k) => (
                <span key={k} className="lf-map-legend-item">
                  <span className="lf-map-legend-dot" style={{ background: kindColour[k] }} />
                  {t(`siteKinds.${k}`)}
                </span>
              ))}
            {present.has('station') && (
              <span className="lf-map-legend-item">
                <span className="lf-map-legend-dot lf-cluster-dot" />
                {t('sitePages.clusterLegend')}
              </span>
            )}
            <span className="lf-map-legend-item">
              <span className="lf-map-legend-dot lf-approx" />
              {t('sitePages.approximateLegend')}
            </span>
            {!config.data.tileUrl && <span className="lf-map-legend-item">{t('sitePages.noTiles')}</span>}
          </section>
        </>
      )}
    </>
  );
}
