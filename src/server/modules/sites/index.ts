/** What other modules may use of the sites module. */

export { type SiteZone, siteZones } from './schema.js';
export { findSite, loadSiteInScope, maskPhone, type SiteRecord } from './site-queries.js';
