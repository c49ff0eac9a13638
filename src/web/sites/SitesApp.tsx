/** Public pages about the district's sites (阵地): list, map and detail. No sign-in needed; its own chunk under /sites. */
import { Route, Routes } from 'react-router';
import { NotFound } from '../app/NotFound.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { SiteDetailPage } from './SiteDetailPage.js';
import { SiteListPage } from './SiteListPage.js';
import { SiteMapPage } from './SiteMapPage.js';
import { SitesLayout } from './SitesLayout.js';

export function SitesApp() {
  return (
    <MobileProviders>
      <Routes>
        <Route element={<SitesLayout />}>
          <Route index element={<SiteListPage />} />
          <Route path="map" element={<SiteMapPage />} />
        </Route>
        <Route path=":id" element={<SiteDetailPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </MobileProviders>
  );
}
