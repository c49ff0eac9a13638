import { Card, List, NavBar, Tag } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { currentLanguage } from '../i18n/index.js';
import { ApproximateFlag } from './ApproximateFlag.js';
import { kindColour, useMapConfig, usePublicSite, usePublicSiteServices } from './data.js';
import { LazySiteMap as SiteMap } from './LazySiteMap.js';
import { LoadError, Loading } from './states.js';
import './sites.css';

export function SiteDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const site = usePublicSite(id);
  const services = usePublicSiteServices(id);
  const config = useMapConfig();
  const en = currentLanguage() === 'en';
  useEffect(() => {
    if (site.data) document.title = `${site.data.name} · ${t('app.name')}`;
  }, [site.data, t]);

  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/sites'));
  return (
    <div className="lf-sites-page">
      <NavBar className="lf-h5-navbar" onBack={back} backIcon>
        {t('sitePages.detail')}
      </NavBar>
      {site.isPending && <Loading />}
      {site.isError && <LoadError error={site.error} onRetry={() => site.refetch()} />}
      {site.data && (
        <>
          <Card className="lf-site-detail-section" title={<h1 className="lf-site-detail-name">{site.data.name}</h1>}>
            <div className="lf-site-item-meta">
              <Tag color={kindColour[site.data.kind]}>{en ? site.data.kindLabelEn : site.data.kindLabel}</Tag>
              <span>
                {[site.data.subdistrictName, site.data.regionName]
                  .filter((n, i, all) => n && all.indexOf(n) === i)
                  .join(' · ')}
              </span>
              {site.data.pilotBatch && <span>{t('sitePages.batchN', { n: site.data.pilotBatch })}</span>}
            </div>
            {site.data.description && <p>{site.data.description}</p>}
            <List>
              <List.Item extra={site.data.address ?? t('sitePages.none')}>{t('sitePages.address')}</List.Item>
              <List.Item extra={site.data.openingHours ?? t('sitePages.none')}>{t('sitePages.hours')}</List.Item>
            </List>
          </Card>

          <Card className="lf-site-detail-section" title={t('sitePages.services')}>
            {site.data.services.length === 0 ? (
              <p>{t('sitePages.noServices')}</p>
            ) : (
              <ul className="lf-site-services">
                {site.data.services.map((s) => (
                  <li key={s.code}>{en ? s.labelEn : s.label}</li>
                ))}
              </ul>
            )}
            {site.data.zoneDetails.length > 0 && (
              <>
                <h3>{t('sitePages.zones')}</h3>
                <div className="lf-site-item-meta">
                  {site.data.zoneDetails.map((z) => (
                    <Tag key={z.zone} color="primary" fill="outline">
                      {en ? z.labelEn : z.label}
                    </Tag>
                  ))}
                </div>
              </>
            )}
          </Card>

          {services.data && (services.data.bookDrift.open || services.data.selfHelp.open) && (
            <Card className="lf-site-detail-section" title={t('sitePages.corners')}>
              {services.data.bookDrift.open && (
                <p data-testid="book-drift">
                  {t('sitePages.books', {
                    total: services.data.bookDrift.total,
                    available: services.data.bookDrift.available,
                  })}
                </p>
              )}
              {services.data.selfHelp.open && (
                <List header={t('sitePages.selfHelp')}>
                  {services.data.selfHelp.items.length === 0 && <List.Item>{t('sitePages.none')}</List.Item>}
                  {services.data.selfHelp.items.map((i) => (
                    <List.Item key={i.name} extra={i.available ? `${i.quantity} ${i.unit}` : t('sitePages.outOfStock')}>
                      {i.name}
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          )}

          <Card
            className="lf-site-detail-section lf-site-detail-map"
            title={
              <span className="lf-site-item-meta">
                {t('sitePages.location')}
                {site.data.locationApproximate && <ApproximateFlag />}
              </span>
            }
          >
            {site.data.lng !== null && site.data.lat !== null && config.data ? (
              <SiteMap
                points={[
                  {
                    id: site.data.id,
                    kind: site.data.kind,
                    name: site.data.name,
                    lng: site.data.lng,
                    lat: site.data.lat,
                    approximate: site.data.locationApproximate,
                  },
                ]}
                config={config.data}
                ariaLabel={t('sitePages.location')}
              />
            ) : (
              <p>{t('sitePages.noLocation')}</p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
