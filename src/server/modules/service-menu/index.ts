// What other modules (and the app) may use from the service menu.
export { seedServiceCategories } from './default-categories.js';
export { findMenuItem } from './get-menu-item.js';
export type { MenuItemView } from './menu-queries.js';
export { ancestorCodes, childToward, communityNear, distanceMetres, type Point, parentCode } from './places.js';
export { serviceMenuRoutes } from './routes.js';
export { menuItems, serviceCategories } from './schema.js';
export { seedDemoMenu } from './seed-demo-menu.js';
