// What other modules (and the app) may use from the pioneer store.
export { expireRedemptions } from './expire-redemptions.js';
export { storeRoutes } from './routes.js';
export { storeDonations, storeGoods, storeStockMovements } from './schema.js';
