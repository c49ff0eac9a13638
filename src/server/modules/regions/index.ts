// What other modules (and the app) may use from regions.
export { buildDistrictTree, type DistrictTree } from './division-data.js';
export { importRegionTree, readDistrictTree } from './import-region-tree.js';
export { regionsRoutes } from './routes.js';
export { regions } from './schema.js';
