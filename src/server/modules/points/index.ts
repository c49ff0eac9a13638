// What other modules (and the app) may use from points.
export * from './accounts.js';
export { runPointsEarning } from './earn.js';
export { creditSyntheticHistory } from './earn-history.js';
export { expireTenantPoints, runPointsExpiry } from './expire.js';
export { creditPoints, pointsAccountsSum, takeBackPoints } from './ledger-ops.js';
export { pointsRoutes } from './routes.js';
export { pointsAdjustments, pointsEarnings, pointsSettings } from './schema.js';
export { defaultPointsSettings, type PointsSettings, pointsSettingsFor } from './settings.js';
