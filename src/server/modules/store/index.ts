// What other modules (and the app) may use from the pioneer store.
export { expireRedemptions } from './expire-redemptions.js';
export { PICKUP_CODE_LENGTH, periodStart } from './period.js';
export { storeRoutes } from './routes.js';
export { redemptionStatuses, storeDonations, storeGoods, storeRedemptions, storeStockMovements } from './schema.js';
export { pickupDays } from './store.js';
