import { Button, List, Tag } from 'antd-mobile';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApproximateFlag } from './ApproximateFlag.js';
import { kindColour, usePublicRegions, usePublicSites } from './data.js';
import { SiteFilters, useSiteFilter } from './SiteFilters.js';
import { LoadError, Loading } from './states.js';

export function SiteListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { kind, regionCode } = useSiteFilter();
  const regions = usePublicRegions();
  const sites = usePublicSites({ kind, regionCode });
  const rows = useMemo(() => sites.data?.pages.flatMap((p) => p.items) ?? [], [sites.data]);
  useEffect(() => {
    document.title = `${t('sitePages.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <SiteFilters regions={regions.data?.items ?? []} />
      {sites.isPending && <Loading />}
      {sites.isError && rows.length === 0 && <LoadError error={sites.error} onRetry={() => sites.refetch()} />}
      {!sites.isPending && (
        <>
          <List className="lf-site-list" aria-label={t('sitePages.list')}>
            {rows.map((s) => (
              <List.Item
                key={s.id}
                onClick={() => navigate(`/sites/${s.id}`)}
                description={
                  <span className="lf-site-item-meta">
                    <Tag color={kindColour[s.kind]} fill="outline">
                      {t(`siteKinds.${s.kind}`)}
                    </Tag>
                    <span>{s.regionName}</span>
                    {s.pilotBatch && <span>{t('sitePages.batchN', { n: s.pilotBatch })}</span>}
                    {s.locationApproximate && <ApproximateFlag />}
                  </span>
                }
              >
                <span className="lf-site-name">{s.name}</span>
              </List.Item>
            ))}
          </List>
          <div className="lf-sites-count">
            {rows.length === 0
              ? t('sitePages.empty')
              : sites.hasNextPage
                ? t('sitePages.shown', { count: rows.length })
                : t('sitePages.allShown', { count: rows.length })}
          </div>
          {sites.hasNextPage && (
            <div className="lf-site-detail-section">
              <Button block onClick={() => void sites.fetchNextPage()} loading={sites.isFetchingNextPage}>
                {t('sitePages.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
