/**
 * The coverage map (its own chunk, with Leaflet): the covered area (merged H3 cells), the most
 * populous uncovered cells, every site coloured by its rollout batch with its walking reach
 * outlined, the planned posts and the picks of a siting proposal.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, Polygon, Tooltip } from 'react-leaflet';
import type { MapConfig, PublicRegion } from '../../sites/data.js';
import { type LngLat, toDisplay } from '../../sites/map-geometry.js';
import { SiteMap } from '../../sites/SiteMap.js';
import { batchColour, type CoverageReport, type SitingProposal } from './data.js';

export interface CoverageMapProps {
  report: CoverageReport;
  config: MapConfig;
  regions?: PublicRegion[];
  proposal: SitingProposal | null;
  batchName: (batch: number | null) => string;
}

export function CoverageMap({ report, config, regions, proposal, batchName }: CoverageMapProps) {
  const { t } = useTranslation();
  const system = config.tileCoordSystem;
  const at = (lng: number, lat: number) => toDisplay({ lng, lat }, system);
  const ring = (positions: number[][]) => positions.map(([lng, lat]) => at(lng as number, lat as number));
  // Fit to the people in scope (the covered area and the uncovered cells), not to every site.
  const fit: LngLat[] = [
    ...report.coveredOutline.flatMap((polygon) => (polygon[0] ?? []).map(([lng, lat]) => ({ lng, lat }) as LngLat)),
    ...report.uncoveredCells.map((c) => ({ lng: c.lng, lat: c.lat })),
  ];
  const reachM = report.settings.reachM;
  // Along roads the reached area is the covered outline itself; a circle would misstate it.
  const straight = report.reach.method === 'straight';
  return (
    <SiteMap
      points={[]}
      config={config}
      regions={regions}
      fit={fit.length > 0 ? fit : report.sites}
      ariaLabel={t('coverage.map.label')}
      className="lf-coverage-map"
    >
      {report.coveredOutline.length > 0 && (
        <Polygon
          positions={report.coveredOutline.map((polygon) => polygon.map(ring))}
          className="lf-coverage-covered"
          pathOptions={{ color: '#52c41a', weight: 1, fillColor: '#95de64', fillOpacity: 0.35 }}
        />
      )}
      {report.uncoveredCells.map((c) => (
        <Polygon
          key={c.cell}
          positions={ring(c.boundary)}
          className="lf-coverage-uncovered"
          pathOptions={{ color: '#cf1322', weight: 1, fillColor: '#ff4d4f', fillOpacity: 0.45 }}
        >
          <Tooltip>{t('coverage.map.cellPeople', { count: c.population })}</Tooltip>
        </Polygon>
      ))}
      {report.sites.map((s) => (
        <Fragment key={s.id}>
          {straight && (
            <Circle
              center={at(s.lng, s.lat)}
              radius={reachM}
              interactive={false}
              pathOptions={{ color: batchColour(s.batch), weight: s.batch === null ? 0.5 : 1.5, fill: false }}
            />
          )}
          <CircleMarker
            center={at(s.lng, s.lat)}
            radius={s.batch === null ? 3 : 6}
            className={`lf-coverage-site lf-coverage-batch-${s.batch ?? 'other'}`}
            pathOptions={{ color: '#fff', weight: 1, fillColor: batchColour(s.batch), fillOpacity: 1 }}
          >
            <Tooltip>{`${s.name} · ${batchName(s.batch)}`}</Tooltip>
          </CircleMarker>
        </Fragment>
      ))}
      {report.plannedPosts.map((p) => (
        <Fragment key={`planned-${p.batch}-${p.lat}-${p.lng}`}>
          <Circle
            center={at(p.lng, p.lat)}
            radius={reachM}
            interactive={false}
            pathOptions={{ color: batchColour(p.batch), weight: 1.5, dashArray: '6 4', fill: false }}
          />
          <CircleMarker
            center={at(p.lng, p.lat)}
            radius={6}
            className="lf-coverage-planned"
            pathOptions={{ color: batchColour(p.batch), weight: 2, fillColor: '#fff', fillOpacity: 1 }}
          >
            <Tooltip>{`${batchName(p.batch)} · +${p.gain}`}</Tooltip>
          </CircleMarker>
        </Fragment>
      ))}
      {proposal?.picks.map((p, i) => (
        <Fragment key={`pick-${p.cell}`}>
          <Circle
            center={at(p.lng, p.lat)}
            radius={reachM}
            interactive={false}
            pathOptions={{ color: '#1f1f1f', weight: 2, dashArray: '4 4', fill: false }}
          />
          <CircleMarker
            center={at(p.lng, p.lat)}
            radius={8}
            className="lf-coverage-pick"
            pathOptions={{ color: '#1f1f1f', weight: 2, fillColor: '#fadb14', fillOpacity: 1 }}
          >
            <Tooltip permanent={i < 3} direction="top">{`${i + 1}. +${p.gain}`}</Tooltip>
          </CircleMarker>
        </Fragment>
      ))}
    </SiteMap>
  );
}
