// What other modules (and the app) may use from charity.
export { openFundAccounts } from './accounts.js';
export { insertBeneficiary } from './beneficiaries.js';
export { charityRoutes } from './routes.js';
export {
  charityBeneficiaries,
  charityDisbursements,
  charityEvents,
  charityFunds,
  charitySales,
  charityStalls,
} from './schema.js';
