/** What other modules may use of the sites module. */

export { createSiteSkeleton } from './create-site-skeleton.js';
export { listSiteMapPoints } from './list-site-map-points.js';
export { readDistrictPlaces } from './places.js';
export { sitesRoutes } from './routes.js';
export { type SiteZone, siteStaff, sites, siteZones } from './schema.js';
export { seedPilotPosts } from './seed-pilot-posts.js';
export { findSite, loadSiteInScope, type SiteRecord } from './site-queries.js';
