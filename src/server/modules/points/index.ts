// What other modules (and the app) may use from points.
export {
  openExpiredAccount,
  openHeldAccount,
  openIssuanceAccount,
  openStoreAccount,
  openVolunteerPointsAccount,
  pointsAccountKeys,
  pointsBalance,
} from './accounts.js';
