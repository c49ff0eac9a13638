// What other modules (and the app) may use from wishes.
export { expireOverdueWishes } from './expire-wishes.js';
export { wishesRoutes } from './routes.js';
export { wishEvents, wishes } from './schema.js';
