/** The site map, loaded with Leaflet only when a map is actually drawn; its box is kept while it loads. */
import { lazy, Suspense } from 'react';
import type { SiteMapProps } from './SiteMap.js';
import './sites.css';

const SiteMapChunk = lazy(async () => ({ default: (await import('./SiteMap.js')).SiteMap }));

export function LazySiteMap(props: SiteMapProps) {
  return (
    <Suspense fallback={<div className={`lf-site-map lf-site-map-plain ${props.className ?? ''}`} aria-busy="true" />}>
      <SiteMapChunk {...props} />
    </Suspense>
  );
}
