/**
 * The site map (Leaflet through react-leaflet). Tiles come from the server's map configuration;
 * without a tile URL (offline, tests, no provider chosen yet) the map still draws every site over
 * a plain grid with the district's outline and subdistrict labels, so it is never an empty page.
 * Approximate locations are drawn with a dashed, paler ring.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, Marker, Pane, Popup, Rectangle, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { kindColour, type MapConfig, type PublicRegion, type SiteKind } from './data.js';
import { MapAreas } from './MapAreas.js';
import { boundsOf, fromDisplay, type LngLat, toDisplay } from './map-geometry.js';
import { SiteClusters } from './SiteClusters.js';
import './sites.css';

export interface SiteMapPoint {
  id: string;
  kind: SiteKind;
  name: string;
  lng: number;
  lat: number;
  approximate: boolean;
}

export interface SiteMapProps {
  points: SiteMapPoint[];
  config: MapConfig;
  /** Subdistrict centres to label when there are no tiles. */
  regions?: PublicRegion[];
  popup?: (point: SiteMapPoint) => ReactNode;
  /** A draggable pin (location correction); reports the new WGS-84 point. */
  pin?: { position: LngLat; onMove: (p: LngLat) => void; label: string };
  /** Zoom used when there is a single point to show. */
  singleZoom?: number;
  className?: string;
  ariaLabel: string;
  /** Points to fit the view to instead of `points` (a layer drawn by the caller, e.g. the dispatch map). */
  fit?: LngLat[];
  /** Further layers drawn over the tiles (react-leaflet elements; convert points with `toDisplay`). */
  children?: ReactNode;
}

const pinIcon = L.divIcon({
  className: 'lf-map-pin',
  html: '<span class="lf-map-pin-head"></span>',
  iconSize: [28, 28],
  iconAnchor: [14, 28],
});

function FitTo({ bounds, single, zoom }: { bounds: L.LatLngBoundsExpression | null; single: boolean; zoom: number }) {
  const map = useMap();
  const key = JSON.stringify(bounds);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the bounds change
  useEffect(() => {
    if (!bounds) return;
    if (single) map.setView((bounds as [number, number][])[0] as [number, number], zoom);
    else map.fitBounds(bounds, { padding: [24, 24] });
  }, [key, map]);
  return null;
}

/** Keeps a moved pin in view (typed coordinates may put it off screen). */
function KeepInView({ at }: { at: [number, number] }) {
  const map = useMap();
  useEffect(() => {
    if (!map.getBounds().contains(at)) map.panTo(at);
  }, [at[0], at[1], map]);
  return null;
}

export function SiteMap({
  points,
  config,
  regions,
  popup,
  pin,
  singleZoom = 15,
  className,
  ariaLabel,
  fit: fitTo,
  children,
}: SiteMapProps) {
  const { t } = useTranslation();
  const system = config.tileCoordSystem;
  const drawn = useMemo(() => points.map((p) => ({ point: p, at: toDisplay(p, system) })), [points, system]);
  const stations = useMemo(() => points.filter((p) => p.kind === 'station'), [points]);
  const featured = useMemo(() => drawn.filter((d) => d.point.kind !== 'station'), [drawn]);
  const marker = (point: SiteMapPoint, at: [number, number]) => (
    <CircleMarker
      key={point.id}
      center={at}
      radius={point.kind === 'station' ? 5 : 8}
      // Leaflet reads className only when the layer is created; react-leaflet applies pathOptions later.
      className={`lf-site-marker lf-kind-${point.kind}${point.approximate ? ' lf-approximate' : ''}`}
      pathOptions={{
        color: kindColour[point.kind],
        fillColor: kindColour[point.kind],
        weight: 2,
        fillOpacity: point.approximate ? 0.35 : 0.85,
        dashArray: point.approximate ? '3 3' : undefined,
      }}
    >
      {popup && <Popup>{popup(point)}</Popup>}
    </CircleMarker>
  );
  // Fit to the pin where it started, not wherever it is dragged.
  const [pinStart] = useState(pin?.position);
  const fit = useMemo(() => {
    // With a pin, the map opens on the pin; the other points are context around it.
    const all = pinStart
      ? [toDisplay(pinStart, system)]
      : fitTo
        ? fitTo.map((p) => toDisplay(p, system))
        : drawn.map((d) => d.at);
    if (all.length === 0 && config.bounds) {
      const b = config.bounds;
      all.push(
        toDisplay({ lng: b.minLng, lat: b.minLat }, system),
        toDisplay({ lng: b.maxLng, lat: b.maxLat }, system),
      );
    }
    return boundsOf(all);
  }, [drawn, pinStart, fitTo, config.bounds, system]);
  const single = fit !== null && fit[0][0] === fit[1][0] && fit[0][1] === fit[1][1];
  const centre = config.centre ? toDisplay(config.centre, system) : ([37.5, 122.1] as [number, number]);
  const outline = config.bounds
    ? ([
        toDisplay({ lng: config.bounds.minLng, lat: config.bounds.minLat }, system),
        toDisplay({ lng: config.bounds.maxLng, lat: config.bounds.maxLat }, system),
      ] as [[number, number], [number, number]])
    : null;
  const subdistricts = (regions ?? []).filter((r) => r.level === 'subdistrict' && r.lng !== null && r.lat !== null);

  return (
    <div className={`lf-site-map ${config.tileUrl ? '' : 'lf-site-map-plain'} ${className ?? ''}`}>
      <MapContainer
        center={centre}
        zoom={11}
        scrollWheelZoom
        style={{ height: '100%', width: '100%' }}
        attributionControl={Boolean(config.tileUrl)}
        aria-label={ariaLabel}
      >
        {config.tileUrl && <TileLayer url={config.tileUrl} attribution={config.attribution} />}
        {!config.tileUrl && config.bounds && regions && (
          <MapAreas
            regions={regions}
            extent={config.bounds}
            system={system}
            approximateLabel={t('sitePages.areaApproximate')}
          />
        )}
        {!config.tileUrl && outline && (
          <Rectangle bounds={outline} pathOptions={{ color: '#bfbfbf', weight: 1, fill: false, dashArray: '6 6' }} />
        )}
        {!config.tileUrl &&
          subdistricts.map((r) => (
            <CircleMarker
              key={r.code}
              center={toDisplay({ lng: r.lng as number, lat: r.lat as number }, system)}
              radius={2}
              className="lf-region-point"
              pathOptions={{ color: '#8c8c8c', weight: 1 }}
            >
              <Tooltip permanent direction="bottom" className="lf-region-label" offset={[0, 4]}>
                {r.name}
              </Tooltip>
            </CircleMarker>
          ))}
        <SiteClusters
          points={stations}
          system={system}
          label={(count) => t('sitePages.clusterLabel', { count })}
          marker={(p) => marker(p, toDisplay(p, system))}
        />
        {/* 雷锋岗, the centre and the institutes above the stations and their groups. */}
        <Pane name="lf-featured-sites" style={{ zIndex: 650 }}>
          {featured.map(({ point, at }) => marker(point, at))}
        </Pane>
        {children}
        {pin && <KeepInView at={toDisplay(pin.position, system)} />}
        {pin && (
          <Marker
            position={toDisplay(pin.position, system)}
            icon={pinIcon}
            draggable
            title={pin.label}
            eventHandlers={{
              dragend: (e) => {
                const { lat, lng } = (e.target as L.Marker).getLatLng();
                pin.onMove(fromDisplay(lat, lng, system));
              },
            }}
          />
        )}
        <FitTo bounds={fit} single={single} zoom={singleZoom} />
      </MapContainer>
    </div>
  );
}
