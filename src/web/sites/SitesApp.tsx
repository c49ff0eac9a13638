/**
 * Public pages about the district's sites (阵地): list, map and detail. No sign-in needed; its own chunk
 * under /sites with the list; the map and detail pages (and Leaflet) are fetched when opened.
 */
import { type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { lazyNamed } from '../app/lazy.js';
import { NotFound } from '../app/NotFound.js';
import { FullPageLoading } from '../app/states.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { SiteListPage } from './SiteListPage.js';
import { SitesLayout } from './SitesLayout.js';

const SiteDetailPage = lazyNamed(() => import('./SiteDetailPage.js'), 'SiteDetailPage');
const SiteMapPage = lazyNamed(() => import('./SiteMapPage.js'), 'SiteMapPage');

const page = (node: ReactNode) => <Suspense fallback={<FullPageLoading />}>{node}</Suspense>;

export function SitesApp() {
  return (
    <MobileProviders>
      <Routes>
        <Route element={<SitesLayout />}>
          <Route index element={<SiteListPage />} />
          <Route path="map" element={page(<SiteMapPage />)} />
        </Route>
        <Route path=":id" element={page(<SiteDetailPage />)} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </MobileProviders>
  );
}
