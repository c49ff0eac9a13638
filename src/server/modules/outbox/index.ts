// What other modules may use from outbox (the console over the platform outbox).
export { outboxRoutes } from './routes.js';
