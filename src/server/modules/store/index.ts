// What other modules (and the app) may use from the pioneer store.
export { expireRedemptions } from './expire-redemptions.js';
export { storeRoutes } from './routes.js';
export { redemptionStatuses, storeDonations, storeGoods, storeRedemptions, storeStockMovements } from './schema.js';
